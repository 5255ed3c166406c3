<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Lessons</name>
    <message>
        <source>1 · What exact softmax costs</source>
        <translation>1 · Was die exakte Softmax kostet</translation>
    </message>
    <message>
        <source>Why the exact answer costs n·d products, and what a pull is.</source>
        <translation>Warum die exakte Antwort n·d Produkte kostet und was ein Zug ist.</translation>
    </message>
    <message>
        <source>Exact softmax</source>
        <translation>Exakte Softmax</translation>
    </message>
    <message>
        <source>&lt;p&gt;A softmax output layer scores each of its n &lt;b&gt;arms&lt;/b&gt; (words of a vocabulary, classes) with a logit μᵢ and turns the logits into probabilities pᵢ = exp(μᵢ) / S.&lt;/p&gt;&lt;p&gt;Every logit is a dot product of a row of the head A with the query x: d multiplications. Here n = 40 arms and d = 4 000 columns, so the exact answer costs 160 000 products. The replay stands at its start: nothing has been computed yet.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;μᵢ = β·Σⱼ Aᵢⱼ·xⱼ &amp;nbsp;&amp;nbsp;⇒&amp;nbsp;&amp;nbsp; cost = n·d&lt;/p&gt;</source>
        <translation>&lt;p&gt;Eine Softmax-Ausgabeschicht bewertet jeden ihrer n &lt;b&gt;Arme&lt;/b&gt; (Wörter eines Vokabulars, Klassen) mit einem Logit μᵢ und macht aus den Logits Wahrscheinlichkeiten pᵢ = exp(μᵢ) / S.&lt;/p&gt;&lt;p&gt;Jeder Logit ist ein Skalarprodukt einer Zeile des Kopfes A mit der Anfrage x: d Multiplikationen. Hier gibt es n = 40 Arme und d = 4 000 Spalten, die exakte Antwort kostet also 160 000 Produkte. Die Wiedergabe steht am Anfang: Noch ist nichts berechnet.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;μᵢ = β·Σⱼ Aᵢⱼ·xⱼ &amp;nbsp;&amp;nbsp;⇒&amp;nbsp;&amp;nbsp; Kosten = n·d&lt;/p&gt;</translation>
    </message>
    <message>
        <source>A pull is one product</source>
        <translation>Ein Zug ist ein Produkt</translation>
    </message>
    <message>
        <source>&lt;p&gt;Adaptive softmax treats every arm as an arm of a multi-armed bandit. A &lt;b&gt;pull&lt;/b&gt; of arm i picks a column j and computes one product Aᵢⱼ·xⱼ. The mean of the pulled products, scaled by d, is an unbiased estimate of the logit.&lt;/p&gt;&lt;p&gt;The replay now stands at the end of the warm-up: every arm has been pulled a little. The &lt;i&gt;Pulls per arm&lt;/i&gt; view compares each arm&apos;s pulls with the exact cost d.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;μ̂ᵢ = β·(d/t)·Σₛ Aᵢⱼₛ·xⱼₛ, &amp;nbsp;&amp;nbsp; E[μ̂ᵢ] = μᵢ&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die adaptive Softmax behandelt jeden Arm als Arm eines mehrarmigen Banditen. Ein &lt;b&gt;Zug&lt;/b&gt; an Arm i wählt eine Spalte j und berechnet ein Produkt Aᵢⱼ·xⱼ. Der Mittelwert der gezogenen Produkte, mit d skaliert, ist eine erwartungstreue Schätzung des Logits.&lt;/p&gt;&lt;p&gt;Die Wiedergabe steht jetzt am Ende des Aufwärmens: Jeder Arm wurde ein wenig gezogen. Die Ansicht &lt;i&gt;Züge pro Arm&lt;/i&gt; vergleicht die Züge jedes Arms mit den exakten Kosten d.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;μ̂ᵢ = β·(d/t)·Σₛ Aᵢⱼₛ·xⱼₛ, &amp;nbsp;&amp;nbsp; E[μ̂ᵢ] = μᵢ&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Pulls go where they matter</source>
        <translation>Züge gehen dorthin, wo sie zählen</translation>
    </message>
    <message>
        <source>&lt;p&gt;The replay is playing (Space pauses, → steps). Arms that are clearly worse than the leader stop being pulled; the few contenders are pulled deeper and deeper.&lt;/p&gt;&lt;p&gt;Watch the &lt;i&gt;Pulls per arm&lt;/i&gt; view: most arms stay far below d, only the best ones come close to it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Wiedergabe läuft (Leertaste pausiert, → geht einen Schritt weiter). Arme, die deutlich schlechter als der Führende sind, werden nicht mehr gezogen; die wenigen Kandidaten werden immer tiefer gezogen.&lt;/p&gt;&lt;p&gt;Beobachten Sie die Ansicht &lt;i&gt;Züge pro Arm&lt;/i&gt;: Die meisten Arme bleiben weit unter d, nur die besten kommen nahe heran.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The bill</source>
        <translation>Die Rechnung</translation>
    </message>
    <message>
        <source>&lt;p&gt;The run is over. The &lt;i&gt;Result&lt;/i&gt; panel compares the pulls it used with the n·d products of exact softmax, and checks the answer against the exact one.&lt;/p&gt;&lt;p&gt;The saving grows with d and with how clearly the best arm stands out, and the answer is still right with probability at least 1 − δ.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;speedup = n·d / Σᵢ tᵢ&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Lauf ist vorbei. Das Feld &lt;i&gt;Ergebnis&lt;/i&gt; vergleicht die verbrauchten Züge mit den n·d Produkten der exakten Softmax und prüft die Antwort gegen die exakte.&lt;/p&gt;&lt;p&gt;Die Ersparnis wächst mit d und damit, wie deutlich der beste Arm heraussticht, und die Antwort ist trotzdem mit Wahrscheinlichkeit mindestens 1 − δ richtig.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;Beschleunigung = n·d / Σᵢ tᵢ&lt;/p&gt;</translation>
    </message>
    <message>
        <source>2 · Confidence intervals and elimination</source>
        <translation>2 · Konfidenzintervalle und Elimination</translation>
    </message>
    <message>
        <source>Intervals around every estimate, and rounds that drop the arms that cannot win.</source>
        <translation>Intervalle um jede Schätzung und Runden, die die Arme ohne Siegchance aussortieren.</translation>
    </message>
    <message>
        <source>An interval for every arm</source>
        <translation>Ein Intervall für jeden Arm</translation>
    </message>
    <message>
        <source>&lt;p&gt;After the warm-up every arm i has an estimate μ̂ᵢ and a confidence half-width Cᵢ: with high probability its true logit lies in μ̂ᵢ ± Cᵢ. The &lt;i&gt;Elimination&lt;/i&gt; view draws these intervals; more pulls make them narrower, like 1/√tᵢ.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;Cᵢ = √(2·vᵢ·L), &amp;nbsp;&amp;nbsp; vᵢ ≈ σᵢ² / tᵢ&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nach dem Aufwärmen hat jeder Arm i einen Schätzwert μ̂ᵢ und eine Konfidenz-Halbbreite Cᵢ: Mit hoher Wahrscheinlichkeit liegt sein wahrer Logit in μ̂ᵢ ± Cᵢ. Die Ansicht &lt;i&gt;Elimination&lt;/i&gt; zeichnet diese Intervalle; mehr Züge machen sie schmaler, etwa wie 1/√tᵢ.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;Cᵢ = √(2·vᵢ·L), &amp;nbsp;&amp;nbsp; vᵢ ≈ σᵢ² / tᵢ&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Predict the next elimination</source>
        <translation>Die nächste Elimination vorhersagen</translation>
    </message>
    <message>
        <source>&lt;p&gt;An arm is dropped when the upper end of its interval falls below the lower end of the leader&apos;s interval: it can no longer be the best.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Which arm will the next round eliminate?&lt;/b&gt; Pick one below; the replay then advances one round and tells you whether you were right. Repeat until the elimination is over.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;drop i ⇔ μ̂ᵢ + Cᵢ &amp;lt; maxⱼ (μ̂ⱼ − Cⱼ)&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ein Arm scheidet aus, wenn das obere Ende seines Intervalls unter das untere Ende des Intervalls des Führenden fällt: Er kann nicht mehr der beste sein.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Welchen Arm wird die nächste Runde eliminieren?&lt;/b&gt; Wählen Sie unten einen; die Wiedergabe rückt dann eine Runde vor und sagt Ihnen, ob Sie richtig lagen. Wiederholen Sie das, bis die Elimination vorbei ist.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;i scheidet aus ⇔ μ̂ᵢ + Cᵢ &amp;lt; maxⱼ (μ̂ⱼ − Cⱼ)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Why the rounds are cheap</source>
        <translation>Warum die Runden billig sind</translation>
    </message>
    <message>
        <source>&lt;p&gt;Each round pulls the survivors until their variance is half the previous target, so their intervals shrink by √2 per round. An arm far below the best is ruled out after a few cheap rounds; only arms close to the best need many pulls.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;pulls for arm i ≈ σ²·L / Δᵢ², &amp;nbsp;&amp;nbsp; Δᵢ = μ* − μᵢ&lt;/p&gt;</source>
        <translation>&lt;p&gt;Jede Runde zieht die verbliebenen Arme, bis ihre Varianz die Hälfte des vorigen Ziels erreicht; ihre Intervalle schrumpfen also pro Runde um √2. Ein Arm weit unter dem besten scheidet nach wenigen billigen Runden aus; nur Arme nahe am besten brauchen viele Züge.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;Züge für Arm i ≈ σ²·L / Δᵢ², &amp;nbsp;&amp;nbsp; Δᵢ = μ* − μᵢ&lt;/p&gt;</translation>
    </message>
    <message>
        <source>3 · Smaller variance, fewer pulls</source>
        <translation>3 · Kleinere Varianz, weniger Züge</translation>
    </message>
    <message>
        <source>Sampling without replacement and importance sampling, and the Variance lab.</source>
        <translation>Ziehen ohne Zurücklegen, Importance Sampling und das Varianzlabor.</translation>
    </message>
    <message>
        <source>Uniform, with replacement</source>
        <translation>Gleichverteilt, mit Zurücklegen</translation>
    </message>
    <message>
        <source>&lt;p&gt;The plainest sampler picks every column uniformly at random and independently, so a column may come twice. The variance of the estimate is σᵢ²/t, where σᵢ² is the spread of the scaled products d·Aᵢⱼ·xⱼ over the columns.&lt;/p&gt;&lt;p&gt;Note the total pulls in the &lt;i&gt;Result&lt;/i&gt; panel.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;Var μ̂ᵢ = σᵢ² / t&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der einfachste Sampler wählt jede Spalte gleichverteilt und unabhängig, eine Spalte kann also doppelt vorkommen. Die Varianz der Schätzung ist σᵢ²/t, wobei σᵢ² die Streuung der skalierten Produkte d·Aᵢⱼ·xⱼ über die Spalten ist.&lt;/p&gt;&lt;p&gt;Merken Sie sich die Gesamtzahl der Züge im Feld &lt;i&gt;Ergebnis&lt;/i&gt;.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;Var μ̂ᵢ = σᵢ² / t&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Without replacement</source>
        <translation>Ohne Zurücklegen</translation>
    </message>
    <message>
        <source>&lt;p&gt;Drawing the columns without replacement never repeats one. After t of d columns the variance carries the finite-population correction; at t = d it is zero, because the estimate is then exact.&lt;/p&gt;&lt;p&gt;Compare the total pulls with the previous step.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;Var μ̂ᵢ = (σᵢ² / t)·(d − t) / (d − 1)&lt;/p&gt;</source>
        <translation>&lt;p&gt;Zieht man die Spalten ohne Zurücklegen, wiederholt sich keine. Nach t von d Spalten trägt die Varianz die Endlichkeitskorrektur; bei t = d ist sie null, weil die Schätzung dann exakt ist.&lt;/p&gt;&lt;p&gt;Vergleichen Sie die Gesamtzahl der Züge mit dem vorigen Schritt.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;Var μ̂ᵢ = (σᵢ² / t)·(d − t) / (d − 1)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Importance sampling</source>
        <translation>Importance Sampling</translation>
    </message>
    <message>
        <source>&lt;p&gt;A few columns with large |Aᵢⱼ·xⱼ| dominate the sum. Sampling column j with probability qⱼ proportional to a weight (here the column norm of A times |xⱼ|) and dividing each product by qⱼ keeps the estimate unbiased, and the variance drops the more closely qⱼ follows |Aᵢⱼ·xⱼ|.&lt;/p&gt;&lt;p&gt;The studio combines it with sampling without replacement (Gumbel top-k with the Horvitz–Thompson estimator). Compare the pulls again.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;μ̂ᵢ = (1/t)·Σₛ Aᵢⱼₛ·xⱼₛ / qⱼₛ, &amp;nbsp;&amp;nbsp; qⱼ ∝ ‖A·ⱼ‖₁·|xⱼ|&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wenige Spalten mit großem |Aᵢⱼ·xⱼ| bestimmen die Summe. Zieht man Spalte j mit einer Wahrscheinlichkeit qⱼ proportional zu einem Gewicht (hier die Spaltennorm von A mal |xⱼ|) und teilt jedes Produkt durch qⱼ, bleibt die Schätzung erwartungstreu, und die Varianz sinkt umso mehr, je genauer qⱼ dem Betrag |Aᵢⱼ·xⱼ| folgt.&lt;/p&gt;&lt;p&gt;Das Studio kombiniert das mit Ziehen ohne Zurücklegen (Gumbel-Top-k mit dem Horvitz-Thompson-Schätzer). Vergleichen Sie die Züge noch einmal.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;μ̂ᵢ = (1/t)·Σₛ Aᵢⱼₛ·xⱼₛ / qⱼₛ, &amp;nbsp;&amp;nbsp; qⱼ ∝ ‖A·ⱼ‖₁·|xⱼ|&lt;/p&gt;</translation>
    </message>
    <message>
        <source>See it in the Variance lab</source>
        <translation>Im Varianzlabor ansehen</translation>
    </message>
    <message>
        <source>&lt;p&gt;The &lt;i&gt;Variance lab&lt;/i&gt; tab measures, on one row and one query, the mean squared error of each estimator against the sample size t, next to its predicted variance.&lt;/p&gt;&lt;p&gt;On the log–log axes, uniform sampling with replacement falls like 1/t; without replacement it falls faster and reaches zero at t = d; importance sampling starts much lower.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Reiter &lt;i&gt;Varianzlabor&lt;/i&gt; misst für eine Zeile und eine Anfrage den mittleren quadratischen Fehler jedes Schätzers über der Stichprobengröße t, neben seiner vorhergesagten Varianz.&lt;/p&gt;&lt;p&gt;Auf den doppelt logarithmischen Achsen fällt gleichmäßiges Ziehen mit Zurücklegen wie 1/t; ohne Zurücklegen fällt er schneller und erreicht bei t = d null; Importance Sampling beginnt viel tiefer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>4 · The partition function in two stages</source>
        <translation>4 · Die Zustandssumme in zwei Stufen</translation>
    </message>
    <message>
        <source>Estimating S = Σ exp(μᵢ): a rough first stage, then pulls where they matter.</source>
        <translation>S = Σ exp(μᵢ) schätzen: eine grobe erste Stufe, dann Züge dort, wo sie zählen.</translation>
    </message>
    <message>
        <source>Why S is needed</source>
        <translation>Wozu man S braucht</translation>
    </message>
    <message>
        <source>&lt;p&gt;The probability of the winner is p* = exp(μ*) / S with S = Σᵢ exp(μᵢ). A relative error ε in p* needs log S to within about ε. Every arm contributes to S, but in proportion to exp(μᵢ): arms far below the top barely count.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;p* = exp(μ* − log S), &amp;nbsp;&amp;nbsp; S = Σᵢ exp(μᵢ)&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Wahrscheinlichkeit des Gewinners ist p* = exp(μ*) / S mit S = Σᵢ exp(μᵢ). Ein relativer Fehler ε in p* verlangt log S auf etwa ε genau. Jeder Arm trägt zu S bei, aber im Verhältnis zu exp(μᵢ): Arme weit unter der Spitze zählen kaum.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;p* = exp(μ* − log S), &amp;nbsp;&amp;nbsp; S = Σᵢ exp(μᵢ)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Stage 1: a rough estimate</source>
        <translation>Stufe 1: eine grobe Schätzung</translation>
    </message>
    <message>
        <source>&lt;p&gt;The warm-up gives every arm a rough estimate μ̂ᵢ with its interval. From it the studio takes a cautious share of S for every arm, αᵢ = exp(μ̂ᵢ − Cᵢ). Arms with a large αᵢ matter; arms with a tiny αᵢ hardly change S.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;αᵢ = exp(μ̂ᵢ − Cᵢ), &amp;nbsp;&amp;nbsp; Ŝ₁ = Σᵢ αᵢ&lt;/p&gt;</source>
        <translation>&lt;p&gt;Das Aufwärmen liefert jedem Arm eine grobe Schätzung μ̂ᵢ mit ihrem Intervall. Daraus nimmt das Studio für jeden Arm einen vorsichtigen Anteil an S, αᵢ = exp(μ̂ᵢ − Cᵢ). Arme mit großem αᵢ sind wichtig; Arme mit winzigem αᵢ ändern S kaum.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;αᵢ = exp(μ̂ᵢ − Cᵢ), &amp;nbsp;&amp;nbsp; Ŝ₁ = Σᵢ αᵢ&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Stage 2: pulls where S needs them</source>
        <translation>Stufe 2: Züge, wo S sie braucht</translation>
    </message>
    <message>
        <source>&lt;p&gt;Each arm gets a variance target Vᵢ: small for the arms that carry much of S, large for the rest. The &lt;i&gt;Partition function&lt;/i&gt; view shows every arm&apos;s current variance against its target (dashed); an arm is pulled until it is below its target.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;Vᵢ = min( ε·Σα / (16√2·log(6n/δ)·γᵢ·Σγ), ε²·Σα / (16·log(12/δ)·αᵢ) ), γᵢ = √αᵢ&lt;/p&gt;</source>
        <translation>&lt;p&gt;Jeder Arm erhält ein Varianzziel Vᵢ: klein für die Arme, die viel zu S beitragen, groß für die übrigen. Die Ansicht &lt;i&gt;Zustandssumme&lt;/i&gt; zeigt die aktuelle Varianz jedes Arms neben seinem Ziel (gestrichelt); ein Arm wird gezogen, bis er darunter liegt.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;Vᵢ = min( ε·Σα / (16√2·log(6n/δ)·γᵢ·Σγ), ε²·Σα / (16·log(12/δ)·αᵢ) ), γᵢ = √αᵢ&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The estimate</source>
        <translation>Die Schätzung</translation>
    </message>
    <message>
        <source>&lt;p&gt;The running estimate log Ŝ ends inside the band log(1 ± ε) around the true log S. With the winner&apos;s logit it gives the probability the studio reports.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;p̂* = exp(μ̂* − log Ŝ)&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die laufende Schätzung log Ŝ endet innerhalb des Bandes log(1 ± ε) um das wahre log S. Zusammen mit dem Logit des Gewinners ergibt sie die Wahrscheinlichkeit, die das Studio meldet.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;p̂* = exp(μ̂* − log Ŝ)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>5 · ε and δ: how often is it wrong?</source>
        <translation>5 · ε und δ: Wie oft liegt es daneben?</translation>
    </message>
    <message>
        <source>Run many queries and compare the empirical failure rate with δ.</source>
        <translation>Viele Anfragen ausführen und die empirische Fehlerrate mit δ vergleichen.</translation>
    </message>
    <message>
        <source>One run, one verdict</source>
        <translation>Ein Lauf, ein Urteil</translation>
    </message>
    <message>
        <source>&lt;p&gt;A run &lt;b&gt;succeeds&lt;/b&gt; when it returns the true top-k and every p̂ is within a factor 1 ± ε of the true p. ε is the accuracy you ask for; δ is the probability of failure you accept. The &lt;i&gt;Result&lt;/i&gt; panel shows this run&apos;s verdict.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;P( correct top-k ∧ |p̂ − p| ≤ ε·p ) ≥ 1 − δ&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ein Lauf &lt;b&gt;gelingt&lt;/b&gt;, wenn er die wahren Top-k liefert und jedes p̂ höchstens um den Faktor 1 ± ε vom wahren p abweicht. ε ist die verlangte Genauigkeit; δ ist die Fehlerwahrscheinlichkeit, die Sie in Kauf nehmen. Das Feld &lt;i&gt;Ergebnis&lt;/i&gt; zeigt das Urteil für diesen Lauf.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;P( korrekte Top-k ∧ |p̂ − p| ≤ ε·p ) ≥ 1 − δ&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Many runs</source>
        <translation>Viele Läufe</translation>
    </message>
    <message>
        <source>&lt;p&gt;The studio now runs %1 queries for every row of the table, on the worker thread, and counts the failures. The guarantee says the failure rate is at most δ; in practice it is usually far below, because the bounds are conservative.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Das Studio führt jetzt für jede Zeile der Tabelle %1 Anfragen im Arbeits-Thread aus und zählt die Fehlschläge. Die Garantie besagt, dass die Fehlerrate höchstens δ beträgt; in der Praxis liegt sie meist weit darunter, weil die Schranken vorsichtig sind.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cheating the constants</source>
        <translation>Geschummelte Konstanten</translation>
    </message>
    <message>
        <source>&lt;p&gt;The last row multiplies every variance by a fudge factor φ = 0.0001: the intervals become much narrower, the runs about ten times cheaper, and the failure rate climbs above δ. The guarantee no longer holds.&lt;/p&gt;&lt;p&gt;The &lt;i&gt;Tune&lt;/i&gt; button does this honestly: on held-out queries it picks the smallest φ whose failure rate stays below δ, as the paper does.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die letzte Zeile multipliziert jede Varianz mit einem Korrekturfaktor φ = 0,0001: Die Intervalle werden viel schmaler, die Läufe etwa zehnmal billiger, und die Fehlerrate steigt über δ. Die Garantie gilt nicht mehr.&lt;/p&gt;&lt;p&gt;Die Schaltfläche &lt;i&gt;Abstimmen&lt;/i&gt; macht das auf ehrliche Weise: An zurückgehaltenen Anfragen wählt sie das kleinste φ, dessen Fehlerrate unter δ bleibt, wie im Paper.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Model heads (*.h5 *.hdf5 *.safetensors *.index.json *.npy *.npz);;HDF5 head files (*.h5 *.hdf5);;safetensors (*.safetensors *.index.json);;NumPy (*.npy *.npz);;Scenarios (*.json);;All files (*)</source>
        <translation>Modellköpfe (*.h5 *.hdf5 *.safetensors *.index.json *.npy *.npz);;HDF5-Kopfdateien (*.h5 *.hdf5);;safetensors (*.safetensors *.index.json);;NumPy (*.npy *.npz);;Szenarien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;PDF-Dokument (*.pdf);;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>tuning</source>
        <translation>Abstimmung</translation>
    </message>
    <message>
        <source>queries</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>variance lab</source>
        <translation>Varianzlabor</translation>
    </message>
    <message>
        <source>row %1, query %2</source>
        <translation>Zeile %1, Anfrage %2</translation>
    </message>
    <message>
        <source>%1: unknown plot format &apos;%2&apos; (use .png, .pdf or .svg)</source>
        <translation>%1: unbekanntes Grafikformat „%2“ (.png, .pdf oder .svg verwenden)</translation>
    </message>
    <message>
        <source>could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>ada::AboutDialog</name>
    <message>
        <source>About AdaSoftmax Studio</source>
        <translation>Über AdaSoftmax Studio</translation>
    </message>
    <message>
        <source>&lt;h2&gt;AdaSoftmax Studio&lt;/h2&gt;&lt;p&gt;Version %1 · source revision %2 · Qt %3&lt;/p&gt;&lt;p&gt;Top-k softmax and its partition function by adaptive sampling, with (ε, δ) guarantees: watch the algorithm work round by round, compare variance estimators, and measure what it would save on your own model&apos;s output layer.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;AdaSoftmax Studio&lt;/h2&gt;&lt;p&gt;Version %1 · Quellrevision %2 · Qt %3&lt;/p&gt;&lt;p&gt;Top-k-Softmax und ihre Zustandssumme durch adaptives Sampling, mit (ε, δ)-Garantien: Verfolgen Sie den Algorithmus Runde für Runde, vergleichen Sie Varianzschätzer und messen Sie, was er an der Ausgabeschicht Ihres eigenen Modells einsparen würde.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About the studio</source>
        <translation>Über das Studio</translation>
    </message>
</context>
<context>
    <name>ada::DatasetPanel</name>
    <message>
        <source>synthetic family</source>
        <translation>synthetische Familie</translation>
    </message>
    <message>
        <source>arms n</source>
        <translation>Arme n</translation>
    </message>
    <message>
        <source>dimension d</source>
        <translation>Dimension d</translation>
    </message>
    <message>
        <source>queries m</source>
        <translation>Anfragen m</translation>
    </message>
    <message>
        <source>data seed</source>
        <translation>Daten-Seed</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>Datei öffnen…</translation>
    </message>
    <message>
        <source>built-in dataset</source>
        <translation>eingebauter Datensatz</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Laden</translation>
    </message>
    <message>
        <source>Load the selected built-in head; the first use of a Fashion-MNIST head trains it, the first use of GloVe downloads it (progress below, Esc cancels)</source>
        <translation>Den gewählten eingebauten Kopf laden; beim ersten Mal wird ein Fashion-MNIST-Kopf trainiert und GloVe heruntergeladen (Fortschritt unten, Esc bricht ab)</translation>
    </message>
    <message>
        <source>no dataset</source>
        <translation>kein Datensatz</translation>
    </message>
    <message>
        <source>family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <source>n (arms)</source>
        <translation>n (Arme)</translation>
    </message>
    <message>
        <source>d (columns)</source>
        <translation>d (Spalten)</translation>
    </message>
    <message>
        <source>m (queries)</source>
        <translation>m (Anfragen)</translation>
    </message>
    <message>
        <source>built in</source>
        <translation>eingebaut</translation>
    </message>
    <message>
        <source>, data seed %1</source>
        <translation>, Daten-Seed %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;n = %2 arms × d = %3 columns, %4 queries</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;n = %2 Arme × d = %3 Spalten, %4 Anfragen</translation>
    </message>
    <message>
        <source>&lt;br&gt;known noise bound σ² = %1</source>
        <translation>&lt;br&gt;bekannte Rauschschranke σ² = %1</translation>
    </message>
</context>
<context>
    <name>ada::EliminationView</name>
    <message>
        <source>Show true logits</source>
        <translation>Wahre Logits zeigen</translation>
    </message>
    <message>
        <source>Elimination</source>
        <translation>Elimination</translation>
    </message>
    <message>
        <source>Order arms by</source>
        <translation>Arme ordnen nach</translation>
    </message>
    <message>
        <source>current estimate</source>
        <translation>aktuelle Schätzung</translation>
    </message>
    <message>
        <source>true logit</source>
        <translation>wahrer Logit</translation>
    </message>
    <message>
        <source>logit estimate μ̂ᵢ ± confidence half-width Cᵢ</source>
        <translation>Logit-Schätzung μ̂ᵢ ± Konfidenz-Halbbreite Cᵢ</translation>
    </message>
    <message>
        <source>other arms: interval envelope</source>
        <translation>übrige Arme: Intervall-Hülle</translation>
    </message>
    <message>
        <source>other arms: μ̂ min–max per bucket</source>
        <translation>übrige Arme: μ̂ min–max pro Gruppe</translation>
    </message>
    <message>
        <source>eliminated</source>
        <translation>ausgeschieden</translation>
    </message>
    <message>
        <source>contender</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <source>leader</source>
        <translation>Führender</translation>
    </message>
    <message>
        <source>± Cᵢ (confidence half-width)</source>
        <translation>± Cᵢ (Konfidenz-Halbbreite)</translation>
    </message>
    <message>
        <source>Error bars: the elimination&apos;s own half-widths Cᵢ = √(2·vᵢ·L), L = %1.</source>
        <translation>Fehlerbalken: die Halbbreiten der Elimination selbst, Cᵢ = √(2·vᵢ·L), L = %1.</translation>
    </message>
    <message>
        <source>Error bars: Cᵢ = √(2·vᵢ·L) computed from the variances with L = log(6n·log D/δ′) = %1, δ′ = %2 (no elimination is running).</source>
        <translation>Fehlerbalken: Cᵢ = √(2·vᵢ·L), berechnet aus den Varianzen mit L = log(6n·log D/δ′) = %1, δ′ = %2 (keine Elimination läuft).</translation>
    </message>
    <message>
        <source>%1 other arms, ~%2 per bucket →</source>
        <translation>%1 weitere Arme, ~%2 pro Gruppe →</translation>
    </message>
    <message>
        <source>arms, best estimate first</source>
        <translation>Arme, beste Schätzung zuerst</translation>
    </message>
    <message>
        <source>arms, best true logit first</source>
        <translation>Arme, bester wahrer Logit zuerst</translation>
    </message>
    <message>
        <source>arms, best estimate first (top and contenders in detail, the rest aggregated)</source>
        <translation>Arme, beste Schätzung zuerst (Spitze und Kandidaten einzeln, der Rest zusammengefasst)</translation>
    </message>
    <message>
        <source>arms, best true logit first (top and contenders in detail, the rest aggregated)</source>
        <translation>Arme, bester wahrer Logit zuerst (Spitze und Kandidaten einzeln, der Rest zusammengefasst)</translation>
    </message>
    <message>
        <source>Elimination, round %1</source>
        <translation>Elimination, Runde %1</translation>
    </message>
    <message>
        <source>Phase: %1</source>
        <translation>Phase: %1</translation>
    </message>
    <message>
        <source>%1 · %2 of %3 arms contending · %4 pulls</source>
        <translation>%1 · %2 von %3 Armen im Rennen · %4 Züge</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;pulls: %3 of D = %4&lt;br&gt;estimate μ̂: %5&lt;br&gt;interval: [%6, %7] (± %8)&lt;br&gt;variance v: %9&lt;br&gt;true logit: %10</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;Züge: %3 von D = %4&lt;br&gt;Schätzwert μ̂: %5&lt;br&gt;Intervall: [%6, %7] (± %8)&lt;br&gt;Varianz v: %9&lt;br&gt;wahrer Logit: %10</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 aggregated arms&lt;/b&gt;&lt;br&gt;e.g. %2&lt;br&gt;estimates μ̂ from %3 to %4</source>
        <translation>&lt;b&gt;%1 zusammengefasste Arme&lt;/b&gt;&lt;br&gt;z. B. %2&lt;br&gt;Schätzwerte μ̂ von %3 bis %4</translation>
    </message>
</context>
<context>
    <name>ada::ExplainerView</name>
    <message>
        <source>Explanation of the current phase</source>
        <translation>Erklärung der aktuellen Phase</translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation>Aufwärmen</translation>
    </message>
    <message>
        <source>Every one of the %1 arms samples the same prefix of a random column order until its variance estimate is below V₀, or it reaches the cap of %2 columns. A pull is one product Aᵢⱼ·xⱼ; exact softmax needs n·D = %3 of them.</source>
        <translation>Jeder der %1 Arme tastet dasselbe Anfangsstück einer zufälligen Spaltenreihenfolge ab, bis seine Varianzschätzung unter V₀ liegt oder er die Grenze von %2 Spalten erreicht. Ein Zug ist ein Produkt Aᵢⱼ·xⱼ; die exakte Softmax braucht n·D = %3 davon.</translation>
    </message>
    <message>
        <source>V₀ = 1 / (17·log(6n/δ′)) = %1,  δ′ = %2</source>
        <translation>V₀ = 1 / (17·log(6n/δ′)) = %1,  mit δ′ = %2</translation>
    </message>
    <message>
        <source>Elimination, round %1</source>
        <translation>Elimination, Runde %1</translation>
    </message>
    <message>
        <source>Each contender gets a confidence interval around its estimate. An arm whose upper end falls below the leader&apos;s lower end cannot be the best and is dropped; the survivors are sampled deeper, to half the previous variance target. %1 of %2 arms are still contending.</source>
        <translation>Jeder Kandidat erhält ein Konfidenzintervall um seinen Schätzwert. Ein Arm, dessen oberes Ende unter dem unteren Ende des Führenden liegt, kann nicht der beste sein und scheidet aus; die verbleibenden werden tiefer abgetastet, bis zur Hälfte des vorigen Varianzziels. %1 von %2 Armen sind noch im Rennen.</translation>
    </message>
    <message>
        <source>keep i ⇔ μ̂ᵢ + Cᵢ ≥ max_j (μ̂ⱼ − Cⱼ),  Cᵢ = √(2·vᵢ·L),
L = log(6·n·log D/δ′) = log(6·%1·log %2/%3) = %4</source>
        <translation>i bleibt ⇔ μ̂ᵢ + Cᵢ ≥ max_j (μ̂ⱼ − Cⱼ),  Cᵢ = √(2·vᵢ·L),
L = log(6·n·log D/δ′) = log(6·%1·log %2/%3) = %4</translation>
    </message>
    <message>
        <source>The winner&apos;s logit</source>
        <translation>Der Logit des Gewinners</translation>
    </message>
    <message>
        <source>The identified top-%1 arm(s) are computed exactly: D = %2 products each, so their logits carry no sampling error.</source>
        <translation>Die ermittelten Top-%1-Arme werden exakt berechnet: je D = %2 Produkte, ihre Logits haben also keinen Stichprobenfehler.</translation>
    </message>
    <message>
        <source>The identified top-%1 arm(s) are sampled until the logit&apos;s additive error is small enough for p̂ to stay within 1 ± ε.</source>
        <translation>Die ermittelten Top-%1-Arme werden abgetastet, bis der additive Fehler des Logits klein genug ist, dass p̂ innerhalb von 1 ± ε bleibt.</translation>
    </message>
    <message>
        <source>μ̂* = β·(A*·x + b*) exactly</source>
        <translation>μ̂* = β·(A*·x + b*) exakt</translation>
    </message>
    <message>
        <source>pull until v* ≤ a²/(2·log(2/δ′))</source>
        <translation>ziehen, bis v* ≤ a²/(2·log(2/δ′))</translation>
    </message>
    <message>
        <source>Partition function, two stages</source>
        <translation>Zustandssumme in zwei Stufen</translation>
    </message>
    <message>
        <source>From the first-stage estimates, each arm gets a variance target: arms that carry much of S = Σ exp(μᵢ) must be estimated precisely, arms far below the top barely matter. Arms are pulled until they meet their targets; the running estimate is log Ŝ = %1 (true %2).</source>
        <translation>Aus den Schätzungen der ersten Stufe erhält jeder Arm ein Varianzziel: Arme, die viel zu S = Σ exp(μᵢ) beitragen, müssen genau geschätzt werden, Arme weit unter der Spitze spielen kaum eine Rolle. Die Arme werden gezogen, bis sie ihre Ziele erreichen; die laufende Schätzung ist log Ŝ = %1 (wahr: %2).</translation>
    </message>
    <message>
        <source>Vᵢ = min( ε·Σα / (16√2·log(6n/δ)·γᵢ·Σγ),  ε²·Σα / (16·log(12/δ)·αᵢ) ),  αᵢ = exp(μ̂ᵢ − Cᵢ), γᵢ = √αᵢ</source>
        <translation>Vᵢ = min( ε·Σα / (16√2·log(6n/δ)·γᵢ·Σγ),  ε²·Σα / (16·log(12/δ)·αᵢ) ),  mit αᵢ = exp(μ̂ᵢ − Cᵢ), γᵢ = √αᵢ</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>The run used %1 pulls, %2 % of exact softmax&apos;s n·D = %3 (a %4× saving), and returns the top-%5 with probabilities estimated as exp(estimate − log-partition estimate).</source>
        <translation>Der Lauf brauchte %1 Züge, %2 % der n·D = %3 der exakten Softmax (eine Ersparnis um %4×), und liefert die Top-%5 mit Wahrscheinlichkeiten, geschätzt als exp(Schätzwert − geschätzter Log-Zustandssumme).</translation>
    </message>
    <message>
        <source>p̂ᵢ = exp(μ̂ᵢ − log Ŝ),  success ⇔ correct top-k ∧ |p̂ − p| ≤ ε·p</source>
        <translation>p̂ᵢ = exp(μ̂ᵢ − log Ŝ),  Erfolg ⇔ korrekte Top-k ∧ |p̂ − p| ≤ ε·p</translation>
    </message>
    <message>
        <source>Step %1 of %2 · %3 pulls so far (%4 % of n·D = %5) · n = %6 arms, D = %7, ε = %8, δ = %9</source>
        <translation>Schritt %1 von %2 · bisher %3 Züge (%4 % von n·D = %5) · n = %6 Arme, D = %7, ε = %8, δ = %9</translation>
    </message>
    <message>
        <source>From the first-stage estimates, each arm gets a variance target: arms that carry much of S = Σ exp(μᵢ) must be estimated precisely, arms far below the top barely matter. Arms are pulled until they meet their targets; the running estimate of log Ŝ (true %1) follows their first pulls.</source>
        <translation>Aus den Schätzungen der ersten Stufe erhält jeder Arm ein Varianzziel: Arme, die viel zu S = Σ exp(μᵢ) beitragen, müssen genau geschätzt werden, Arme weit unter der Spitze spielen kaum eine Rolle. Die Arme werden gezogen, bis sie ihre Ziele erreichen; die laufende Schätzung von log Ŝ (wahr: %1) folgt ihren ersten Zügen.</translation>
    </message>
</context>
<context>
    <name>ada::LessonPanel</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Close lesson</source>
        <translation>Lektion schließen</translation>
    </message>
    <message>
        <source>Lesson text</source>
        <translation>Lektionstext</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>Vorhersagen</translation>
    </message>
    <message>
        <source>Previous lesson step</source>
        <translation>Vorheriger Lektionsschritt</translation>
    </message>
    <message>
        <source>Next lesson step</source>
        <translation>Nächster Lektionsschritt</translation>
    </message>
    <message>
        <source>Close the lesson</source>
        <translation>Die Lektion schließen</translation>
    </message>
    <message>
        <source>The elimination is over: %1 wins. You predicted %2 of %3 rounds correctly.</source>
        <translation>Die Elimination ist vorbei: %1 gewinnt. Sie haben %2 von %3 Runden richtig vorhergesagt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Right:&lt;/b&gt; %1 was eliminated (this round dropped %2).</source>
        <translation>&lt;b&gt;Richtig:&lt;/b&gt; %1 ist ausgeschieden (diese Runde schieden %2 aus).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not this time:&lt;/b&gt; %1 survived; this round dropped %2.</source>
        <translation>&lt;b&gt;Diesmal nicht:&lt;/b&gt; %1 ist geblieben; diese Runde schieden %2 aus.</translation>
    </message>
    <message>
        <source>No lesson</source>
        <translation>Keine Lektion</translation>
    </message>
    <message>
        <source>&lt;p&gt;Choose a lesson from the &lt;b&gt;Lessons&lt;/b&gt; menu.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wählen Sie eine Lektion im Menü &lt;b&gt;Lektionen&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>failures</source>
        <translation>Fehlschläge</translation>
    </message>
    <message>
        <source>failure rate</source>
        <translation>Fehlerrate</translation>
    </message>
    <message>
        <source>speedup</source>
        <translation>Beschleunigung</translation>
    </message>
    <message>
        <source>Running %1 queries at δ = %2…</source>
        <translation>%1 Anfragen bei δ = %2 laufen…</translation>
    </message>
    <message>
        <source>Waiting for the run…</source>
        <translation>Warte auf den Lauf…</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Abschließen</translation>
    </message>
    <message>
        <source>Predict that %1 is eliminated next</source>
        <translation>Vorhersagen, dass %1 als Nächstes ausscheidet</translation>
    </message>
</context>
<context>
    <name>ada::MainWindow</name>
    <message>
        <source>AdaSoftmax Studio</source>
        <translation>AdaSoftmax Studio</translation>
    </message>
    <message>
        <source>Saved the dataset as %1</source>
        <translation>Datensatz als %1 gespeichert</translation>
    </message>
    <message>
        <source>Tuned on up to 200 queries: φ_b = %1, φ_ℓ = %2</source>
        <translation>An bis zu 200 Anfragen abgestimmt: φ_b = %1, φ_ℓ = %2</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Lade %1…</translation>
    </message>
    <message>
        <source>the scenario&apos;s query %1 does not exist in %2 (queries 0 … %3); showing query %3</source>
        <translation>die Anfrage %1 des Szenarios gibt es in %2 nicht (Anfragen 0 … %3); Anfrage %3 wird gezeigt</translation>
    </message>
    <message>
        <source>Loaded %1</source>
        <translation>%1 geladen</translation>
    </message>
    <message>
        <source>Fix the parameters first: %1</source>
        <translation>Bitte zuerst die Parameter korrigieren: %1</translation>
    </message>
    <message>
        <source>%1 has no queries to run</source>
        <translation>%1 hat keine Anfragen zum Ausführen</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft…</translation>
    </message>
    <message>
        <source>Tuning fudge factors on up to 200 queries…</source>
        <translation>Korrekturfaktoren werden an bis zu 200 Anfragen abgestimmt…</translation>
    </message>
    <message>
        <source>Run finished: %L1 pulls, %2× fewer than exact; replaying</source>
        <translation>Lauf beendet: %L1 Züge, %2× weniger als exakt; Wiedergabe läuft</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open head file…</source>
        <translation>Kopfdatei ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Save dataset as &amp;HDF5…</source>
        <translation>Datensatz als &amp;HDF5 speichern…</translation>
    </message>
    <message>
        <source>Open s&amp;cenario…</source>
        <translation>S&amp;zenario öffnen…</translation>
    </message>
    <message>
        <source>&amp;Save scenario…</source>
        <translation>Szenario &amp;speichern…</translation>
    </message>
    <message>
        <source>Export &amp;plot</source>
        <translation>&amp;Grafik exportieren</translation>
    </message>
    <message>
        <source>%1 view…</source>
        <translation>Ansicht %1…</translation>
    </message>
    <message>
        <source>&amp;All views into a folder…</source>
        <translation>&amp;Alle Ansichten in einen Ordner…</translation>
    </message>
    <message>
        <source>Export results as &amp;CSV…</source>
        <translation>Ergebnisse als &amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>Export results as &amp;JSON…</source>
        <translation>Ergebnisse als &amp;JSON exportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>&amp;Lektionen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About AdaSoftmax Studio</source>
        <translation>Ü&amp;ber AdaSoftmax Studio</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>The language changes when the studio restarts.</source>
        <translation>Die Sprache ändert sich beim nächsten Start des Studios.</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Dem System folgen</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>The theme changes when the studio restarts; plots always export in the light theme.</source>
        <translation>Das Farbschema ändert sich beim nächsten Start; Grafiken werden immer im hellen Schema exportiert.</translation>
    </message>
    <message>
        <source>Play or pause the replay</source>
        <translation>Wiedergabe abspielen oder anhalten</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>Schritt zurück</translation>
    </message>
    <message>
        <source>Step one batch of pulls</source>
        <translation>Einen Stapel Züge weiter</translation>
    </message>
    <message>
        <source>Step one round</source>
        <translation>Eine Runde weiter</translation>
    </message>
    <message>
        <source>Reset to the start</source>
        <translation>Auf den Anfang zurücksetzen</translation>
    </message>
    <message>
        <source>Run to the end</source>
        <translation>Bis zum Ende laufen</translation>
    </message>
    <message>
        <source>Show this list</source>
        <translation>Diese Liste zeigen</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: Datei nicht gefunden</translation>
    </message>
    <message>
        <source>There is no finished run to export yet</source>
        <translation>Es gibt noch keinen abgeschlossenen Lauf zum Exportieren</translation>
    </message>
    <message>
        <source>Results written to %1</source>
        <translation>Ergebnisse nach %1 geschrieben</translation>
    </message>
    <message>
        <source>Plot written to %1</source>
        <translation>Grafik nach %1 geschrieben</translation>
    </message>
    <message>
        <source>Exported %1 plots as PNG, PDF and SVG to %2</source>
        <translation>%1 Grafiken als PNG, PDF und SVG nach %2 exportiert</translation>
    </message>
    <message>
        <source>Scenario saved to %1</source>
        <translation>Szenario nach %1 gespeichert</translation>
    </message>
    <message>
        <source>Open head file</source>
        <translation>Kopfdatei öffnen</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>Szenario öffnen</translation>
    </message>
    <message>
        <source>Scenarios (*.json)</source>
        <translation>Szenarien (*.json)</translation>
    </message>
    <message>
        <source>Export all plots into folder</source>
        <translation>Alle Grafiken in einen Ordner exportieren</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>Grafik exportieren</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>Ergebnisse exportieren</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Save scenario</source>
        <translation>Szenario speichern</translation>
    </message>
    <message>
        <source>There is no dataset to save yet</source>
        <translation>Es gibt noch keinen Datensatz zum Speichern</translation>
    </message>
    <message>
        <source>Save dataset as an HDF5 head file</source>
        <translation>Datensatz als HDF5-Kopfdatei speichern</translation>
    </message>
    <message>
        <source>HDF5 head files (*.h5)</source>
        <translation>HDF5-Kopfdateien (*.h5)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Variance lab</source>
        <translation>Varianzlabor</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Dataset and parameters</source>
        <translation>Datensatz und Parameter</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Pulls per arm</source>
        <translation>Züge pro Arm</translation>
    </message>
    <message>
        <source>Partition function</source>
        <translation>Zustandssumme</translation>
    </message>
    <message>
        <source>Round timeline</source>
        <translation>Runden-Zeitleiste</translation>
    </message>
    <message>
        <source>Explainer</source>
        <translation>Erklärung</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Lektion</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Lesson: %1</source>
        <translation>Lektion: %1</translation>
    </message>
    <message>
        <source>Run finished: %L1 pulls, %2× fewer than exact</source>
        <translation>Lauf beendet: %L1 Züge, %2× weniger als exakt</translation>
    </message>
    <message>
        <source>Speedup report</source>
        <translation>Beschleunigungsbericht</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>Anordnung &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Put every panel back where it was at the first start</source>
        <translation>Alle Felder dorthin zurücksetzen, wo sie beim ersten Start waren</translation>
    </message>
</context>
<context>
    <name>ada::MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>ada::ParameterPanel</name>
    <message>
        <source>epsilon</source>
        <translation>Epsilon</translation>
    </message>
    <message>
        <source>Multiplicative accuracy ε of the top-k probabilities, in (0, 1)</source>
        <translation>Multiplikative Genauigkeit ε der Top-k-Wahrscheinlichkeiten, in (0, 1)</translation>
    </message>
    <message>
        <source>delta</source>
        <translation>Delta</translation>
    </message>
    <message>
        <source>Failure probability δ of the PAC guarantee, in (0, 1)</source>
        <translation>Fehlerwahrscheinlichkeit δ der PAC-Garantie, in (0, 1)</translation>
    </message>
    <message>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <source>How many of the largest probabilities to find (1 … n−1)</source>
        <translation>Wie viele der größten Wahrscheinlichkeiten gesucht werden (1 … n−1)</translation>
    </message>
    <message>
        <source>temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Inverse temperature β in softmax(β·A·x)</source>
        <translation>Inverse Temperatur β in softmax(β·A·x)</translation>
    </message>
    <message>
        <source>Applies the preset&apos;s sampler, weights, exact winner and warm-up cap</source>
        <translation>Übernimmt Sampler, Gewichte, exakten Gewinner und Aufwärmgrenze der Voreinstellung</translation>
    </message>
    <message>
        <source>Column sampler and its variance estimator</source>
        <translation>Spalten-Sampler und sein Varianzschätzer</translation>
    </message>
    <message>
        <source>Importance weights: column L1 norms of A (head), |x_j| (query), or both</source>
        <translation>Importance-Gewichte: L1-Normen der Spalten von A (Kopf), |x_j| (Anfrage) oder beides</translation>
    </message>
    <message>
        <source>compute the winner exactly</source>
        <translation>Gewinner exakt berechnen</translation>
    </message>
    <message>
        <source>fudge factor for elimination</source>
        <translation>Korrekturfaktor für die Elimination</translation>
    </message>
    <message>
        <source>φ_b: multiplies the variances used by the elimination (log-scale steps)</source>
        <translation>φ_b: multipliziert die Varianzen der Elimination (logarithmische Schritte)</translation>
    </message>
    <message>
        <source>fudge factor for the partition function</source>
        <translation>Korrekturfaktor für die Zustandssumme</translation>
    </message>
    <message>
        <source>φ_ℓ: multiplies the variances used for log S (log-scale steps)</source>
        <translation>φ_ℓ: multipliziert die Varianzen für log S (logarithmische Schritte)</translation>
    </message>
    <message>
        <source>Tune</source>
        <translation>Abstimmen</translation>
    </message>
    <message>
        <source>Tune both fudge factors on up to 200 queries of the dataset (§7)</source>
        <translation>Beide Korrekturfaktoren an bis zu 200 Anfragen des Datensatzes abstimmen (§7)</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Algorithm seed: the same inputs and seed give the same bits</source>
        <translation>Seed des Algorithmus: gleiche Eingaben und gleicher Seed ergeben dieselben Bits</translation>
    </message>
    <message>
        <source>query</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Which of the dataset&apos;s queries x to run</source>
        <translation>Welche Anfrage x des Datensatzes ausgeführt wird</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>Erneut ausführen</translation>
    </message>
    <message>
        <source>Runs now; any parameter change also starts a new run</source>
        <translation>Jetzt ausführen; jede Parameteränderung startet ebenfalls einen neuen Lauf</translation>
    </message>
    <message>
        <source>ε (accuracy)</source>
        <translation>ε (Genauigkeit)</translation>
    </message>
    <message>
        <source>δ (failure prob.)</source>
        <translation>δ (Fehlerwahrsch.)</translation>
    </message>
    <message>
        <source>β (inverse temp.)</source>
        <translation>β (inverse Temp.)</translation>
    </message>
    <message>
        <source>preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <source>sampler</source>
        <translation>Sampler</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>fudge φ_b, φ_ℓ</source>
        <translation>Korrektur φ_b, φ_ℓ</translation>
    </message>
    <message>
        <source>Tuning…</source>
        <translation>Abstimmung…</translation>
    </message>
    <message>
        <source>the seed must be an integer between 0 and 18446744073709551615</source>
        <translation>der Seed muss eine ganze Zahl zwischen 0 und 18446744073709551615 sein</translation>
    </message>
    <message>
        <source>k must be smaller than the number of arms (%1)</source>
        <translation>k muss kleiner als die Anzahl der Arme sein (%1)</translation>
    </message>
    <message>
        <source>importance weights</source>
        <translation>Importance-Gewichte</translation>
    </message>
</context>
<context>
    <name>ada::PartitionView</name>
    <message>
        <source>Partition function S = Σ exp(μᵢ)</source>
        <translation>Zustandssumme S = Σ exp(μᵢ)</translation>
    </message>
    <message>
        <source>replay step</source>
        <translation>Wiedergabeschritt</translation>
    </message>
    <message>
        <source>log Ŝ</source>
        <translation>log Ŝ (Schätzung)</translation>
    </message>
    <message>
        <source>true log S + log(1 ± ε)</source>
        <translation>wahres log S + log(1 ± ε)</translation>
    </message>
    <message>
        <source>true log S</source>
        <translation>wahres log S</translation>
    </message>
    <message>
        <source>running log Ŝ</source>
        <translation>laufendes log Ŝ</translation>
    </message>
    <message>
        <source>variance target Vᵢ (Algorithm 2)</source>
        <translation>Varianzziel Vᵢ (Algorithmus 2)</translation>
    </message>
    <message>
        <source>current variance vᵢ</source>
        <translation>aktuelle Varianz vᵢ</translation>
    </message>
    <message>
        <source>dashed: vᵢ = Vᵢ; an arm below it has met its target</source>
        <translation>gestrichelt: vᵢ = Vᵢ; ein Arm darunter hat sein Ziel erreicht</translation>
    </message>
    <message>
        <source>log Ŝ is estimated in the partition phase</source>
        <translation>log Ŝ wird in der Zustandssummen-Phase geschätzt</translation>
    </message>
    <message>
        <source>Partition function S = Σ exp(μᵢ) · %1</source>
        <translation>Zustandssumme S = Σ exp(μᵢ) · %1</translation>
    </message>
    <message>
        <source>Partition function · log Ŝ = %1 vs log S = %2 · Ŝ/S − 1 = %3 %, ε = %4 %</source>
        <translation>Zustandssumme · log Ŝ = %1 gegenüber log S = %2 · Ŝ/S − 1 = %3 %, ε = %4 %</translation>
    </message>
    <message>
        <source>dashed: vᵢ = Vᵢ;
an arm below it has met its target</source>
        <translation>gestrichelt: vᵢ = Vᵢ;
ein Arm darunter hat sein Ziel erreicht</translation>
    </message>
    <message>
        <source>dashed: vᵢ = Vᵢ;
an arm below it
has met its target</source>
        <translation>gestrichelt: vᵢ = Vᵢ;
ein Arm darunter
hat sein Ziel erreicht</translation>
    </message>
    <message>
        <source>log Ŝ is estimated
in the partition phase</source>
        <translation>log Ŝ wird in der
Zustandssummen-Phase geschätzt</translation>
    </message>
    <message>
        <source>variance target Vᵢ</source>
        <translation>Varianzziel Vᵢ</translation>
    </message>
    <message>
        <source>target Vᵢ</source>
        <translation>Ziel Vᵢ</translation>
    </message>
</context>
<context>
    <name>ada::PlaybackBar</name>
    <message>
        <source>Reset (R)</source>
        <translation>Zurücksetzen (R)</translation>
    </message>
    <message>
        <source>Step back (←)</source>
        <translation>Schritt zurück (←)</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>Abspielen / Pause (Leertaste)</translation>
    </message>
    <message>
        <source>Step one pull batch (→)</source>
        <translation>Einen Zugstapel weiter (→)</translation>
    </message>
    <message>
        <source>Step one round (Shift+→)</source>
        <translation>Eine Runde weiter (Umschalt+→)</translation>
    </message>
    <message>
        <source>Run to end (End)</source>
        <translation>Bis zum Ende (Ende)</translation>
    </message>
    <message>
        <source>timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Drag to scrub through the recorded run</source>
        <translation>Ziehen, um durch den aufgezeichneten Lauf zu spulen</translation>
    </message>
    <message>
        <source>playback speed</source>
        <translation>Wiedergabegeschwindigkeit</translation>
    </message>
    <message>
        <source>Replay speed (1× = %1 snapshots per second)</source>
        <translation>Wiedergabegeschwindigkeit (1× = %1 Momentaufnahmen pro Sekunde)</translation>
    </message>
    <message>
        <source>no run</source>
        <translation>kein Lauf</translation>
    </message>
    <message>
        <source>step %1 / %2 · %3 · %L4 pulls</source>
        <translation>Schritt %1 / %2 · %3 · %L4 Züge</translation>
    </message>
    <message>
        <source>step %1 / %2</source>
        <translation>Schritt %1 / %2</translation>
    </message>
</context>
<context>
    <name>ada::PlotStyle</name>
    <message>
        <source>warm-up</source>
        <translation>Aufwärmen</translation>
    </message>
    <message>
        <source>elimination</source>
        <translation>Elimination</translation>
    </message>
    <message>
        <source>winner</source>
        <translation>Gewinner</translation>
    </message>
    <message>
        <source>partition</source>
        <translation>Zustandssumme</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
</context>
<context>
    <name>ada::PullsView</name>
    <message>
        <source>Pulls per arm</source>
        <translation>Züge pro Arm</translation>
    </message>
    <message>
        <source>arms, most pulled first</source>
        <translation>Arme, meistgezogene zuerst</translation>
    </message>
    <message>
        <source>pulls tᵢ (columns charged)</source>
        <translation>Züge tᵢ (berechnete Spalten)</translation>
    </message>
    <message>
        <source>pulls</source>
        <translation>Züge</translation>
    </message>
    <message>
        <source>pulls tᵢ (log-spaced bins)</source>
        <translation>Züge tᵢ (logarithmische Klassen)</translation>
    </message>
    <message>
        <source>arms</source>
        <translation>Arme</translation>
    </message>
    <message>
        <source>exact softmax: D = %1 per arm</source>
        <translation>exakte Softmax: D = %1 pro Arm</translation>
    </message>
    <message>
        <source>Pulls · %1 of n·D = %2 (%3 %, %4× fewer) · %5</source>
        <translation>Züge · %1 von n·D = %2 (%3 %, %4× weniger) · %5</translation>
    </message>
    <message>
        <source>exact: D = %1 per arm</source>
        <translation>exakt: D = %1 pro Arm</translation>
    </message>
    <message>
        <source>D = %1</source>
        <translation>D = %1</translation>
    </message>
    <message>
        <source>pulls tᵢ
(log-spaced bins)</source>
        <translation>Züge tᵢ
(logarithmische Klassen)</translation>
    </message>
    <message>
        <source>pulls tᵢ
(log bins)</source>
        <translation>Züge tᵢ
(log. Klassen)</translation>
    </message>
    <message>
        <source>arms,
most pulled first</source>
        <translation>Arme,
meistgezogene zuerst</translation>
    </message>
</context>
<context>
    <name>ada::RecentFiles</name>
    <message>
        <source>Clear list</source>
        <translation>Liste leeren</translation>
    </message>
</context>
<context>
    <name>ada::ReportPanel</name>
    <message>
        <source>SVD-softmax</source>
        <translation>SVD-Softmax</translation>
    </message>
    <message>
        <source>hierarchical softmax</source>
        <translation>hierarchischer Softmax</translation>
    </message>
    <message>
        <source>Run report</source>
        <translation>Bericht erstellen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>The δ values, comma-separated; one adaptive row each</source>
        <translation>Die δ-Werte, durch Kommas getrennt; je eine adaptive Zeile</translation>
    </message>
    <message>
        <source>deltas</source>
        <translation>Deltas</translation>
    </message>
    <message>
        <source>auto: min(200, M/2)</source>
        <translation>automatisch: min(200, M/2)</translation>
    </message>
    <message>
        <source>Tuning queries (they also fit the hierarchical softmax)</source>
        <translation>Abstimmungsanfragen (an ihnen wird auch der hierarchische Softmax angepasst)</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Use the first M queries of the dataset</source>
        <translation>Die ersten M Anfragen des Datensatzes verwenden</translation>
    </message>
    <message>
        <source>δ values</source>
        <translation>δ-Werte</translation>
    </message>
    <message>
        <source>tuning queries</source>
        <translation>Abstimmungsanfragen</translation>
    </message>
    <message>
        <source>queries used</source>
        <translation>verwendete Anfragen</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>baselines</source>
        <translation>Vergleichsverfahren</translation>
    </message>
    <message>
        <source>done: %1 test queries</source>
        <translation>fertig: %1 Testanfragen</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1: %2 queries</source>
        <translation>%1: %2 Anfragen</translation>
    </message>
    <message>
        <source>every δ must be a number in (0, 1), got &apos;%1&apos;</source>
        <translation>jedes δ muss eine Zahl in (0, 1) sein, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>give at least one δ, e.g. 0.1, 0.05, 0.01</source>
        <translation>mindestens ein δ angeben, z. B. 0.1, 0.05, 0.01</translation>
    </message>
    <message>
        <source>load a dataset first</source>
        <translation>zuerst einen Datensatz laden</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>läuft…</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>nothing to export: run the report first</source>
        <translation>nichts zu exportieren: zuerst den Bericht erstellen</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export the speedup report</source>
        <translation>Beschleunigungsbericht exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md);;CSV (*.csv);;Plots as PNG (*.png);;Plots as PDF (*.pdf);;Plots as SVG (*.svg)</source>
        <translation>Markdown (*.md);;CSV (*.csv);;Diagramme als PNG (*.png);;Diagramme als PDF (*.pdf);;Diagramme als SVG (*.svg)</translation>
    </message>
</context>
<context>
    <name>ada::ResultSummaryView</name>
    <message>
        <source>Result summary</source>
        <translation>Ergebnisübersicht</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#2ca02c; font-size:large&apos;&gt;&lt;b&gt;✓ success&lt;/b&gt;&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#2ca02c; font-size:large&apos;&gt;&lt;b&gt;✓ Erfolg&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#d62728; font-size:large&apos;&gt;&lt;b&gt;✗ failure&lt;/b&gt;&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#d62728; font-size:large&apos;&gt;&lt;b&gt;✗ Fehlschlag&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>correct top-%1 and every p̂ within 1 ± ε</source>
        <translation>korrekte Top-%1 und jedes p̂ innerhalb 1 ± ε</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 &amp;nbsp;&lt;span style=&apos;color:#666&apos;&gt;(%2)&lt;/span&gt;&lt;br&gt;%3, query %4&lt;/p&gt;&lt;table cellspacing=0 cellpadding=3 border=1 style=&apos;border-collapse:collapse&apos;&gt;&lt;tr&gt;&lt;th&gt;#&lt;/th&gt;&lt;th&gt;arm&lt;/th&gt;&lt;th&gt;true rank&lt;/th&gt;&lt;th&gt;p̂&lt;/th&gt;&lt;th&gt;p&lt;/th&gt;&lt;th&gt;p̂/p − 1&lt;/th&gt;&lt;th&gt;≤ ε&lt;/th&gt;&lt;/tr&gt;%5&lt;/table&gt;&lt;table cellspacing=0 cellpadding=2 style=&apos;margin-top:6px&apos;&gt;&lt;tr&gt;&lt;td&gt;log Ŝ&lt;/td&gt;&lt;td align=right&gt;%6&lt;/td&gt;&lt;td&gt;&amp;nbsp;vs log S&lt;/td&gt;&lt;td align=right&gt;%7&lt;/td&gt;&lt;td&gt;&amp;nbsp;(Ŝ/S − 1 = %8 %)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;pulls&lt;/td&gt;&lt;td align=right&gt;%9&lt;/td&gt;&lt;td&gt;&amp;nbsp;vs n·D&lt;/td&gt;&lt;td align=right&gt;%10&lt;/td&gt;&lt;td&gt;&amp;nbsp;(%11 %, speedup &lt;b&gt;%12×&lt;/b&gt;)&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p style=&apos;color:#666&apos;&gt;ε = %13, δ = %14, preset %15, sampler %16&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 &amp;nbsp;&lt;span style=&apos;color:#666&apos;&gt;(%2)&lt;/span&gt;&lt;br&gt;%3, Anfrage %4&lt;/p&gt;&lt;table cellspacing=0 cellpadding=3 border=1 style=&apos;border-collapse:collapse&apos;&gt;&lt;tr&gt;&lt;th&gt;#&lt;/th&gt;&lt;th&gt;Arm&lt;/th&gt;&lt;th&gt;wahrer Rang&lt;/th&gt;&lt;th&gt;p̂&lt;/th&gt;&lt;th&gt;p&lt;/th&gt;&lt;th&gt;p̂/p − 1&lt;/th&gt;&lt;th&gt;≤ ε&lt;/th&gt;&lt;/tr&gt;%5&lt;/table&gt;&lt;table cellspacing=0 cellpadding=2 style=&apos;margin-top:6px&apos;&gt;&lt;tr&gt;&lt;td&gt;log Ŝ&lt;/td&gt;&lt;td align=right&gt;%6&lt;/td&gt;&lt;td&gt;&amp;nbsp;gegenüber log S&lt;/td&gt;&lt;td align=right&gt;%7&lt;/td&gt;&lt;td&gt;&amp;nbsp;(Ŝ/S − 1 = %8 %)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Züge&lt;/td&gt;&lt;td align=right&gt;%9&lt;/td&gt;&lt;td&gt;&amp;nbsp;gegenüber n·D&lt;/td&gt;&lt;td align=right&gt;%10&lt;/td&gt;&lt;td&gt;&amp;nbsp;(%11 %, Beschleunigung &lt;b&gt;%12×&lt;/b&gt;)&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p style=&apos;color:#666&apos;&gt;ε = %13, δ = %14, Voreinstellung %15, Sampler %16&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ada::RunData</name>
    <message>
        <source>arm %1</source>
        <translation>Arm %1</translation>
    </message>
</context>
<context>
    <name>ada::Scenario</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>scenario: &quot;%1&quot; must be a number</source>
        <translation>Szenario: „%1“ muss eine Zahl sein</translation>
    </message>
    <message>
        <source>scenario: &quot;%1&quot; must be a string</source>
        <translation>Szenario: „%1“ muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>scenario: unknown key &quot;%1&quot; in %2 (accepted: %3)</source>
        <translation>Szenario: unbekannter Schlüssel „%1“ in %2 (erlaubt: %3)</translation>
    </message>
    <message>
        <source>scenario: &quot;%1&quot; must be true or false</source>
        <translation>Szenario: „%1“ muss true oder false sein</translation>
    </message>
    <message>
        <source>scenario: &quot;seed&quot; must be a non-negative integer (a number up to 2^53, or a string of digits up to 18446744073709551615)</source>
        <translation>Szenario: „seed“ muss eine nichtnegative ganze Zahl sein (eine Zahl bis 2^53 oder eine Ziffernfolge bis 18446744073709551615)</translation>
    </message>
    <message>
        <source>scenario: &quot;%1&quot;: %2</source>
        <translation>Szenario: „%1“: %2</translation>
    </message>
    <message>
        <source>the scenario</source>
        <translation>das Szenario</translation>
    </message>
    <message>
        <source>scenario: &quot;format&quot; must be &quot;adasoftmax-scenario&quot;</source>
        <translation>Szenario: „format“ muss „adasoftmax-scenario“ sein</translation>
    </message>
    <message>
        <source>scenario: version %1 is newer than this build reads (1)</source>
        <translation>Szenario: Version %1 ist neuer, als dieser Build lesen kann (1)</translation>
    </message>
    <message>
        <source>scenario: &quot;dataset&quot; is missing</source>
        <translation>Szenario: „dataset“ fehlt</translation>
    </message>
    <message>
        <source>scenario: &quot;query&quot; must be a non-negative integer</source>
        <translation>Szenario: „query“ muss eine nichtnegative ganze Zahl sein</translation>
    </message>
    <message>
        <source>scenario: &quot;config&quot; must be an object</source>
        <translation>Szenario: „config“ muss ein Objekt sein</translation>
    </message>
    <message>
        <source>scenario: &quot;k&quot; must be an integer</source>
        <translation>Szenario: „k“ muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1: not valid JSON (%2 at offset %3)</source>
        <translation>%1: kein gültiges JSON (%2 an Position %3)</translation>
    </message>
    <message>
        <source>%1: a scenario is a JSON object</source>
        <translation>%1: Ein Szenario ist ein JSON-Objekt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>ada::ShortcutOverlay</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Press any key or click to close</source>
        <translation>Zum Schließen eine Taste drücken oder klicken</translation>
    </message>
</context>
<context>
    <name>ada::SpeedupReportView</name>
    <message>
        <source>method</source>
        <translation>Verfahren</translation>
    </message>
    <message>
        <source>δ</source>
        <translation>δ</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>speedup (samples, n·D)</source>
        <translation>Beschleunigung (Stichproben, n·D)</translation>
    </message>
    <message>
        <source>speedup (samples, n·d)</source>
        <translation>Beschleunigung (Stichproben, n·d)</translation>
    </message>
    <message>
        <source>speedup (time)</source>
        <translation>Beschleunigung (Zeit)</translation>
    </message>
    <message>
        <source>success rate [95 % CI]</source>
        <translation>Erfolgsquote [95-%-KI]</translation>
    </message>
    <message>
        <source>cost / query</source>
        <translation>Kosten / Anfrage</translation>
    </message>
    <message>
        <source>time / query</source>
        <translation>Zeit / Anfrage</translation>
    </message>
    <message>
        <source>meets 1 − δ</source>
        <translation>erreicht 1 − δ</translation>
    </message>
    <message>
        <source>Sample speedup against δ</source>
        <translation>Stichproben-Beschleunigung über δ</translation>
    </message>
    <message>
        <source>Pulls per query</source>
        <translation>Ziehungen pro Anfrage</translation>
    </message>
    <message>
        <source>Success against cost</source>
        <translation>Erfolg über Kosten</translation>
    </message>
    <message>
        <source>δ (%)</source>
        <translation>δ (%)</translation>
    </message>
    <message>
        <source>speedup (×)</source>
        <translation>Beschleunigung (×)</translation>
    </message>
    <message>
        <source>pulls / (n·D) per query</source>
        <translation>Ziehungen / (n·D) pro Anfrage</translation>
    </message>
    <message>
        <source>queries</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>mean cost / (n·D)</source>
        <translation>mittlere Kosten / (n·D)</translation>
    </message>
    <message>
        <source>success rate</source>
        <translation>Erfolgsquote</translation>
    </message>
    <message>
        <source>NO ✗</source>
        <translation>NEIN ✗</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>none ✗</source>
        <translation>keins ✗</translation>
    </message>
    <message>
        <source>samples (n·D), 95 % bars</source>
        <translation>Stichproben (n·D), 95-%-Balken</translation>
    </message>
    <message>
        <source>wall-clock</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>δ = %1</source>
        <translation>δ = %1</translation>
    </message>
    <message>
        <source>tuned on %1</source>
        <translation>abgestimmt auf %1</translation>
    </message>
    <message>
        <source>fitted on %1</source>
        <translation>angepasst auf %1</translation>
    </message>
    <message>
        <source>fit %1</source>
        <translation>Anpassung %1</translation>
    </message>
    <message>
        <source>SVD %1</source>
        <translation>SVD %1</translation>
    </message>
    <message>
        <source>SVD cached</source>
        <translation>SVD zwischengespeichert</translation>
    </message>
    <message>
        <source>rank %1</source>
        <translation>Rang %1</translation>
    </message>
    <message>
        <source>SVD-softmax cannot beat exact softmax on this head: n = %1 ≤ d = %2, so the transform Vᵀx alone costs r·d = n·d multiplications (§11.1).</source>
        <translation>SVD-Softmax kann die exakte Softmax auf diesem Kopf nicht schlagen: n = %1 ≤ d = %2, also kostet allein die Transformation Vᵀx r·d = n·d Multiplikationen (§11.1).</translation>
    </message>
    <message>
        <source>hierarchical softmax skipped: it is fitted on the tuning queries and there are none.</source>
        <translation>hierarchischer Softmax übersprungen: er wird auf den Abstimmungsanfragen angepasst, und es gibt keine.</translation>
    </message>
    <message>
        <source>hierarchical softmax fitted on only %1 queries (the tuning queries), fewer than d = %2: each node&apos;s regression is L2-penalised in a rank-%3 subspace of them; more fitting queries would help it (§11.3 asks for many).</source>
        <translation>hierarchischer Softmax auf nur %1 Anfragen angepasst (den Abstimmungsanfragen), weniger als d = %2: die Regression jedes Knotens ist L2-bestraft in einem Rang-%3-Unterraum davon; mehr Anpassungsanfragen würden ihm helfen (§11.3 verlangt viele).</translation>
    </message>
</context>
<context>
    <name>ada::TensorFileDialog</name>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>head tensor</source>
        <translation>Kopf-Tensor</translation>
    </message>
    <message>
        <source>queries file</source>
        <translation>Anfragedatei</translation>
    </message>
    <message>
        <source>required: a .npy (m × d) of hidden states</source>
        <translation>erforderlich: eine .npy-Datei (m × d) mit verborgenen Zuständen</translation>
    </message>
    <message>
        <source>optional: replaces the queries in the file</source>
        <translation>optional: ersetzt die Anfragen in der Datei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>%1. The head is tied to the input embedding %2.</source>
        <translation>%1. Der Kopf ist an die Eingabe-Einbettung %2 gebunden.</translation>
    </message>
    <message>
        <source>%1 with %2 tensors; the loader&apos;s own pick is preselected.</source>
        <translation>%1 mit %2 Tensoren; die Wahl des Laders ist vorausgewählt.</translation>
    </message>
    <message>
        <source>head tensor (n × d)</source>
        <translation>Kopf-Tensor (n × d)</translation>
    </message>
    <message>
        <source>queries</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Queries (hidden states)</source>
        <translation>Anfragen (verborgene Zustände)</translation>
    </message>
    <message>
        <source>NumPy arrays (*.npy *.npz);;All files (*)</source>
        <translation>NumPy-Arrays (*.npy *.npz);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>ada::TimelineView</name>
    <message>
        <source>Timeline (click to seek)</source>
        <translation>Zeitleiste (Klicken springt)</translation>
    </message>
    <message>
        <source>replay step</source>
        <translation>Wiedergabeschritt</translation>
    </message>
    <message>
        <source>cumulative pulls</source>
        <translation>kumulierte Züge</translation>
    </message>
    <message>
        <source>elimination round %1</source>
        <translation>Eliminationsrunde %1</translation>
    </message>
    <message>
        <source>Timeline · step %1 of %2 · %3 · %4 pulls so far (click to seek)</source>
        <translation>Zeitleiste · Schritt %1 von %2 · %3 · bisher %4 Züge (Klicken springt)</translation>
    </message>
</context>
<context>
    <name>ada::VarianceLabPanel</name>
    <message>
        <source>An arm index, a name from the dataset&apos;s vocabulary, &apos;top&apos; or &apos;random&apos;</source>
        <translation>Ein Armindex, ein Name aus dem Vokabular des Datensatzes, „top“ oder „random“</translation>
    </message>
    <message>
        <source>row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>query</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>repetitions</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Sample sizes: &apos;10,50,200&apos;, &apos;log:N&apos; or &apos;linear:N&apos; (from 10 to d)</source>
        <translation>Stichprobengrößen: „10,50,200“, „log:N“ oder „linear:N“ (von 10 bis d)</translation>
    </message>
    <message>
        <source>sample sizes</source>
        <translation>Stichprobengrößen</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Paper figure</source>
        <translation>Abbildung aus dem Paper</translation>
    </message>
    <message>
        <source>The layout of the paper&apos;s variance figure (§9)</source>
        <translation>Das Layout der Varianzabbildung aus dem Paper (§9)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>estimators</source>
        <translation>Schätzer</translation>
    </message>
    <message>
        <source>importance weights</source>
        <translation>Importance-Gewichte</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>load a dataset first</source>
        <translation>zuerst einen Datensatz laden</translation>
    </message>
    <message>
        <source>choose at least one estimator</source>
        <translation>mindestens einen Schätzer wählen</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>läuft…</translation>
    </message>
    <message>
        <source>Export variance plots</source>
        <translation>Varianzgrafiken exportieren</translation>
    </message>
    <message>
        <source>PNG (*.png);;PDF (*.pdf);;SVG (*.svg)</source>
        <translation>PNG-Bild (*.png);;PDF-Dokument (*.pdf);;SVG-Grafik (*.svg)</translation>
    </message>
</context>
<context>
    <name>ada::VarianceLabView</name>
    <message>
        <source>MSE against sample size</source>
        <translation>MSE über der Stichprobengröße</translation>
    </message>
    <message>
        <source>sample size t</source>
        <translation>Stichprobengröße t</translation>
    </message>
    <message>
        <source>MSE ── predicted - - v̂ ± sd ▒</source>
        <translation>MSE ── vorhergesagt - - v̂ ± SA ▒</translation>
    </message>
    <message>
        <source>MSE against sample size · %1 · logit %2</source>
        <translation>MSE über der Stichprobengröße · %1 · Logit %2</translation>
    </message>
    <message>
        <source>sampled A_ij</source>
        <translation>abgetastete A_ij</translation>
    </message>
    <message>
        <source>pairs</source>
        <translation>Paare</translation>
    </message>
    <message>
        <source>%1 · %2&lt;br&gt;t = %3: %4</source>
        <translation>%1 · %2&lt;br&gt;t = %3 – %4</translation>
    </message>
    <message>
        <source>observed MSE</source>
        <translation>beobachteter MSE</translation>
    </message>
    <message>
        <source>predicted variance</source>
        <translation>vorhergesagte Varianz</translation>
    </message>
    <message>
        <source>ln(1 + pairs)</source>
        <translation>ln(1 + Paare)</translation>
    </message>
    <message>
        <source>x_j</source>
        <translation>x_j</translation>
    </message>
    <message>
        <source>second-order HT term
f_j f_k (π_jk − π_j π_k)/(π_j π_k)</source>
        <translation>HT-Term zweiter Ordnung
f_j f_k (π_jk − π_j π_k)/(π_j π_k)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>AdaSoftmax Studio: watch adaptive softmax work, round by round.</source>
        <translation>AdaSoftmax Studio: Adaptive Softmax Runde für Runde bei der Arbeit zusehen.</translation>
    </message>
    <message>
        <source>Open the scenario FILE (JSON) at start.</source>
        <translation>Beim Start das Szenario DATEI (JSON) öffnen.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Run the start-up scenario, save a screenshot of the window to FILE (PNG) and quit.</source>
        <translation>Das Startszenario ausführen, ein Bildschirmfoto des Fensters als DATEI (PNG) speichern und beenden.</translation>
    </message>
    <message>
        <source>Measure replay frames per second for n = 1 000 and n = 50 000, print them and quit.</source>
        <translation>Wiedergabebilder pro Sekunde für n = 1 000 und n = 50 000 messen, ausgeben und beenden.</translation>
    </message>
    <message>
        <source>With --screenshot: also run the variance lab&apos;s paper figure and show it.</source>
        <translation>Mit --screenshot: zusätzlich die Paper-Abbildung des Varianzlabors berechnen und zeigen.</translation>
    </message>
    <message>
        <source>Use the language CODE (en, de, zh_CN) for this start only.</source>
        <translation>Nur für diesen Start die Sprache CODE (en, de, zh_CN) verwenden.</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>CODE</translation>
    </message>
    <message>
        <source>Use the THEME (system, light, dark) for this start only.</source>
        <translation>Nur für diesen Start das Farbschema THEMA (system, light, dark) verwenden.</translation>
    </message>
    <message>
        <source>THEME</source>
        <translation>THEMA</translation>
    </message>
    <message>
        <source>Start the guided lesson N (1 … 5).</source>
        <translation>Die geführte Lektion N (1 … 5) starten.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>With --lesson and --screenshot: take the picture at step K (1-based).</source>
        <translation>Mit --lesson und --screenshot: das Bild bei Schritt K aufnehmen (ab 1 gezählt).</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>With --screenshot: also run the speedup report on the dataset and show it.</source>
        <translation>Mit --screenshot: zusätzlich den Beschleunigungsbericht für den Datensatz erstellen und zeigen.</translation>
    </message>
</context>
</TS>
