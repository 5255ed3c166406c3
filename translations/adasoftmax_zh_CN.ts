<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Lessons</name>
    <message>
        <source>1 · What exact softmax costs</source>
        <translation>1 · 精确 softmax 的代价</translation>
    </message>
    <message>
        <source>Why the exact answer costs n·d products, and what a pull is.</source>
        <translation>为什么精确答案需要 n·d 次乘积，以及什么是一次拉取。</translation>
    </message>
    <message>
        <source>Exact softmax</source>
        <translation>精确 softmax</translation>
    </message>
    <message>
        <source>&lt;p&gt;A softmax output layer scores each of its n &lt;b&gt;arms&lt;/b&gt; (words of a vocabulary, classes) with a logit μᵢ and turns the logits into probabilities pᵢ = exp(μᵢ) / S.&lt;/p&gt;&lt;p&gt;Every logit is a dot product of a row of the head A with the query x: d multiplications. Here n = 40 arms and d = 4 000 columns, so the exact answer costs 160 000 products. The replay stands at its start: nothing has been computed yet.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;μᵢ = β·Σⱼ Aᵢⱼ·xⱼ &amp;nbsp;&amp;nbsp;⇒&amp;nbsp;&amp;nbsp; cost = n·d&lt;/p&gt;</source>
        <translation>&lt;p&gt;softmax 输出层用 logit μᵢ 给它的 n 个&lt;b&gt;臂&lt;/b&gt;（词表中的词、类别）逐一打分，再把 logit 变成概率 pᵢ = exp(μᵢ) / S。&lt;/p&gt;&lt;p&gt;每个 logit 都是输出头 A 的一行与查询 x 的点积：需要 d 次乘法。这里有 n = 40 个臂、d = 4 000 列，所以精确答案需要 160 000 次乘积。回放停在开始处：还没有进行任何计算。&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;μᵢ = β·Σⱼ Aᵢⱼ·xⱼ &amp;nbsp;&amp;nbsp;⇒&amp;nbsp;&amp;nbsp; 代价 = n·d&lt;/p&gt;</translation>
    </message>
    <message>
        <source>A pull is one product</source>
        <translation>一次拉取就是一个乘积</translation>
    </message>
    <message>
        <source>&lt;p&gt;Adaptive softmax treats every arm as an arm of a multi-armed bandit. A &lt;b&gt;pull&lt;/b&gt; of arm i picks a column j and computes one product Aᵢⱼ·xⱼ. The mean of the pulled products, scaled by d, is an unbiased estimate of the logit.&lt;/p&gt;&lt;p&gt;The replay now stands at the end of the warm-up: every arm has been pulled a little. The &lt;i&gt;Pulls per arm&lt;/i&gt; view compares each arm&apos;s pulls with the exact cost d.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;μ̂ᵢ = β·(d/t)·Σₛ Aᵢⱼₛ·xⱼₛ, &amp;nbsp;&amp;nbsp; E[μ̂ᵢ] = μᵢ&lt;/p&gt;</source>
        <translation>&lt;p&gt;自适应 softmax 把每个臂看作多臂老虎机的一个臂。对臂 i 的一次&lt;b&gt;拉取&lt;/b&gt;会选一列 j 并计算一个乘积 Aᵢⱼ·xⱼ。被拉取乘积的均值乘以 d，就是该 logit 的无偏估计。&lt;/p&gt;&lt;p&gt;回放现在停在预热结束处：每个臂都被拉取了少量次数。&lt;i&gt;每个臂的拉取次数&lt;/i&gt;视图把每个臂的拉取次数与精确代价 d 进行比较。&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;μ̂ᵢ = β·(d/t)·Σₛ Aᵢⱼₛ·xⱼₛ，&amp;nbsp;&amp;nbsp; E[μ̂ᵢ] = μᵢ&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Pulls go where they matter</source>
        <translation>拉取用在关键之处</translation>
    </message>
    <message>
        <source>&lt;p&gt;The replay is playing (Space pauses, → steps). Arms that are clearly worse than the leader stop being pulled; the few contenders are pulled deeper and deeper.&lt;/p&gt;&lt;p&gt;Watch the &lt;i&gt;Pulls per arm&lt;/i&gt; view: most arms stay far below d, only the best ones come close to it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;回放正在播放（空格暂停，→ 单步前进）。明显比领先者差的臂不再被拉取；少数候选臂被越来越深入地拉取。&lt;/p&gt;&lt;p&gt;请观察&lt;i&gt;每个臂的拉取次数&lt;/i&gt;视图：大多数臂的拉取次数远低于 d，只有最好的几个臂接近 d。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The bill</source>
        <translation>账单</translation>
    </message>
    <message>
        <source>&lt;p&gt;The run is over. The &lt;i&gt;Result&lt;/i&gt; panel compares the pulls it used with the n·d products of exact softmax, and checks the answer against the exact one.&lt;/p&gt;&lt;p&gt;The saving grows with d and with how clearly the best arm stands out, and the answer is still right with probability at least 1 − δ.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;speedup = n·d / Σᵢ tᵢ&lt;/p&gt;</source>
        <translation>&lt;p&gt;运行结束。&lt;i&gt;结果&lt;/i&gt;面板把所用的拉取次数与精确 softmax 的 n·d 次乘积进行比较，并将答案与精确答案核对。&lt;/p&gt;&lt;p&gt;d 越大、最优臂越突出，节省就越多，而答案仍以至少 1 − δ 的概率正确。&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;加速比 = n·d / Σᵢ tᵢ&lt;/p&gt;</translation>
    </message>
    <message>
        <source>2 · Confidence intervals and elimination</source>
        <translation>2 · 置信区间与淘汰</translation>
    </message>
    <message>
        <source>Intervals around every estimate, and rounds that drop the arms that cannot win.</source>
        <translation>每个估计周围的区间，以及逐轮淘汰不可能获胜的臂。</translation>
    </message>
    <message>
        <source>An interval for every arm</source>
        <translation>每个臂一个区间</translation>
    </message>
    <message>
        <source>&lt;p&gt;After the warm-up every arm i has an estimate μ̂ᵢ and a confidence half-width Cᵢ: with high probability its true logit lies in μ̂ᵢ ± Cᵢ. The &lt;i&gt;Elimination&lt;/i&gt; view draws these intervals; more pulls make them narrower, like 1/√tᵢ.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;Cᵢ = √(2·vᵢ·L), &amp;nbsp;&amp;nbsp; vᵢ ≈ σᵢ² / tᵢ&lt;/p&gt;</source>
        <translation>&lt;p&gt;预热之后，每个臂 i 都有一个估计值 μ̂ᵢ 和一个置信半宽 Cᵢ：它的真实 logit 以很高的概率落在 μ̂ᵢ ± Cᵢ 内。&lt;i&gt;淘汰&lt;/i&gt;视图画出了这些区间；拉取越多，区间越窄，大约按 1/√tᵢ 缩小。&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;Cᵢ = √(2·vᵢ·L)，&amp;nbsp;&amp;nbsp; vᵢ ≈ σᵢ² / tᵢ&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Predict the next elimination</source>
        <translation>预测下一次淘汰</translation>
    </message>
    <message>
        <source>&lt;p&gt;An arm is dropped when the upper end of its interval falls below the lower end of the leader&apos;s interval: it can no longer be the best.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Which arm will the next round eliminate?&lt;/b&gt; Pick one below; the replay then advances one round and tells you whether you were right. Repeat until the elimination is over.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;drop i ⇔ μ̂ᵢ + Cᵢ &amp;lt; maxⱼ (μ̂ⱼ − Cⱼ)&lt;/p&gt;</source>
        <translation>&lt;p&gt;当一个臂区间的上端低于领先者区间的下端时，它就被淘汰：它已不可能是最优的。&lt;/p&gt;&lt;p&gt;&lt;b&gt;下一轮会淘汰哪个臂？&lt;/b&gt;请在下面选择一个；回放随后前进一轮，并告诉您是否猜对。重复进行，直到淘汰结束。&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;淘汰 i ⇔ μ̂ᵢ + Cᵢ &amp;lt; maxⱼ (μ̂ⱼ − Cⱼ)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Why the rounds are cheap</source>
        <translation>为什么每一轮代价很低</translation>
    </message>
    <message>
        <source>&lt;p&gt;Each round pulls the survivors until their variance is half the previous target, so their intervals shrink by √2 per round. An arm far below the best is ruled out after a few cheap rounds; only arms close to the best need many pulls.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;pulls for arm i ≈ σ²·L / Δᵢ², &amp;nbsp;&amp;nbsp; Δᵢ = μ* − μᵢ&lt;/p&gt;</source>
        <translation>&lt;p&gt;每一轮都会拉取幸存的臂，直到它们的方差降到上一轮目标的一半，因此区间每轮缩小 √2 倍。远低于最优臂的臂在几轮廉价的拉取后就被排除；只有接近最优的臂才需要大量拉取。&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;臂 i 的拉取次数 ≈ σ²·L / Δᵢ²，&amp;nbsp;&amp;nbsp; Δᵢ = μ* − μᵢ&lt;/p&gt;</translation>
    </message>
    <message>
        <source>3 · Smaller variance, fewer pulls</source>
        <translation>3 · 方差更小，拉取更少</translation>
    </message>
    <message>
        <source>Sampling without replacement and importance sampling, and the Variance lab.</source>
        <translation>无放回采样、重要性采样以及方差实验室。</translation>
    </message>
    <message>
        <source>Uniform, with replacement</source>
        <translation>均匀，有放回</translation>
    </message>
    <message>
        <source>&lt;p&gt;The plainest sampler picks every column uniformly at random and independently, so a column may come twice. The variance of the estimate is σᵢ²/t, where σᵢ² is the spread of the scaled products d·Aᵢⱼ·xⱼ over the columns.&lt;/p&gt;&lt;p&gt;Note the total pulls in the &lt;i&gt;Result&lt;/i&gt; panel.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;Var μ̂ᵢ = σᵢ² / t&lt;/p&gt;</source>
        <translation>&lt;p&gt;最朴素的采样器独立、均匀地随机选取每一列，因此同一列可能出现两次。估计的方差为 σᵢ²/t，其中 σᵢ² 是缩放乘积 d·Aᵢⱼ·xⱼ 在各列上的离散程度。&lt;/p&gt;&lt;p&gt;请留意&lt;i&gt;结果&lt;/i&gt;面板中的总拉取次数。&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;Var μ̂ᵢ = σᵢ² / t&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Without replacement</source>
        <translation>无放回</translation>
    </message>
    <message>
        <source>&lt;p&gt;Drawing the columns without replacement never repeats one. After t of d columns the variance carries the finite-population correction; at t = d it is zero, because the estimate is then exact.&lt;/p&gt;&lt;p&gt;Compare the total pulls with the previous step.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;Var μ̂ᵢ = (σᵢ² / t)·(d − t) / (d − 1)&lt;/p&gt;</source>
        <translation>&lt;p&gt;无放回地抽取列，就不会重复抽到同一列。抽取了 d 列中的 t 列后，方差带有有限总体校正；当 t = d 时方差为零，因为此时估计是精确的。&lt;/p&gt;&lt;p&gt;请与上一步比较总拉取次数。&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;Var μ̂ᵢ = (σᵢ² / t)·(d − t) / (d − 1)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Importance sampling</source>
        <translation>重要性采样</translation>
    </message>
    <message>
        <source>&lt;p&gt;A few columns with large |Aᵢⱼ·xⱼ| dominate the sum. Sampling column j with probability qⱼ proportional to a weight (here the column norm of A times |xⱼ|) and dividing each product by qⱼ keeps the estimate unbiased, and the variance drops the more closely qⱼ follows |Aᵢⱼ·xⱼ|.&lt;/p&gt;&lt;p&gt;The studio combines it with sampling without replacement (Gumbel top-k with the Horvitz–Thompson estimator). Compare the pulls again.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;μ̂ᵢ = (1/t)·Σₛ Aᵢⱼₛ·xⱼₛ / qⱼₛ, &amp;nbsp;&amp;nbsp; qⱼ ∝ ‖A·ⱼ‖₁·|xⱼ|&lt;/p&gt;</source>
        <translation>&lt;p&gt;少数 |Aᵢⱼ·xⱼ| 很大的列主导了这个和。以与某个权重成正比的概率 qⱼ 抽取第 j 列（这里是 A 的列范数乘以 |xⱼ|），并将每个乘积除以 qⱼ，估计仍然是无偏的；qⱼ 越接近 |Aᵢⱼ·xⱼ|，方差下降得越多。&lt;/p&gt;&lt;p&gt;本工具将它与无放回采样结合使用（Gumbel top-k 加 Horvitz–Thompson 估计量）。请再比较一次拉取次数。&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;μ̂ᵢ = (1/t)·Σₛ Aᵢⱼₛ·xⱼₛ / qⱼₛ，&amp;nbsp;&amp;nbsp; qⱼ ∝ ‖A·ⱼ‖₁·|xⱼ|&lt;/p&gt;</translation>
    </message>
    <message>
        <source>See it in the Variance lab</source>
        <translation>在方差实验室中观察</translation>
    </message>
    <message>
        <source>&lt;p&gt;The &lt;i&gt;Variance lab&lt;/i&gt; tab measures, on one row and one query, the mean squared error of each estimator against the sample size t, next to its predicted variance.&lt;/p&gt;&lt;p&gt;On the log–log axes, uniform sampling with replacement falls like 1/t; without replacement it falls faster and reaches zero at t = d; importance sampling starts much lower.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;方差实验室&lt;/i&gt;标签页在一行和一个查询上，测量每个估计量的均方误差随样本量 t 的变化，并与其预测方差并列显示。&lt;/p&gt;&lt;p&gt;在双对数坐标上，有放回的均匀采样按 1/t 下降；无放回时下降更快，并在 t = d 时降为零；重要性采样的起点则低得多。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>4 · The partition function in two stages</source>
        <translation>4 · 分两个阶段估计配分函数</translation>
    </message>
    <message>
        <source>Estimating S = Σ exp(μᵢ): a rough first stage, then pulls where they matter.</source>
        <translation>估计 S = Σ exp(μᵢ)：先粗略估计，再把拉取用在关键之处。</translation>
    </message>
    <message>
        <source>Why S is needed</source>
        <translation>为什么需要 S</translation>
    </message>
    <message>
        <source>&lt;p&gt;The probability of the winner is p* = exp(μ*) / S with S = Σᵢ exp(μᵢ). A relative error ε in p* needs log S to within about ε. Every arm contributes to S, but in proportion to exp(μᵢ): arms far below the top barely count.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;p* = exp(μ* − log S), &amp;nbsp;&amp;nbsp; S = Σᵢ exp(μᵢ)&lt;/p&gt;</source>
        <translation>&lt;p&gt;胜者的概率为 p* = exp(μ*) / S，其中 S = Σᵢ exp(μᵢ)。要让 p* 的相对误差不超过 ε，log S 的误差需要大约在 ε 以内。每个臂都对 S 有贡献，但贡献与 exp(μᵢ) 成正比：远低于顶部的臂几乎不起作用。&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;p* = exp(μ* − log S)，&amp;nbsp;&amp;nbsp; S = Σᵢ exp(μᵢ)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Stage 1: a rough estimate</source>
        <translation>阶段 1：粗略估计</translation>
    </message>
    <message>
        <source>&lt;p&gt;The warm-up gives every arm a rough estimate μ̂ᵢ with its interval. From it the studio takes a cautious share of S for every arm, αᵢ = exp(μ̂ᵢ − Cᵢ). Arms with a large αᵢ matter; arms with a tiny αᵢ hardly change S.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;αᵢ = exp(μ̂ᵢ − Cᵢ), &amp;nbsp;&amp;nbsp; Ŝ₁ = Σᵢ αᵢ&lt;/p&gt;</source>
        <translation>&lt;p&gt;预热为每个臂提供一个粗略估计 μ̂ᵢ 及其区间。据此，本工具为每个臂取一个保守的 S 份额 αᵢ = exp(μ̂ᵢ − Cᵢ)。αᵢ 大的臂很重要；αᵢ 极小的臂几乎不改变 S。&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;αᵢ = exp(μ̂ᵢ − Cᵢ)，&amp;nbsp;&amp;nbsp; Ŝ₁ = Σᵢ αᵢ&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Stage 2: pulls where S needs them</source>
        <translation>阶段 2：在 S 需要的地方拉取</translation>
    </message>
    <message>
        <source>&lt;p&gt;Each arm gets a variance target Vᵢ: small for the arms that carry much of S, large for the rest. The &lt;i&gt;Partition function&lt;/i&gt; view shows every arm&apos;s current variance against its target (dashed); an arm is pulled until it is below its target.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;Vᵢ = min( ε·Σα / (16√2·log(6n/δ)·γᵢ·Σγ), ε²·Σα / (16·log(12/δ)·αᵢ) ), γᵢ = √αᵢ&lt;/p&gt;</source>
        <translation>&lt;p&gt;每个臂都得到一个方差目标 Vᵢ：对 S 贡献大的臂目标小，其余臂目标大。&lt;i&gt;配分函数&lt;/i&gt;视图显示每个臂当前的方差及其目标（虚线）；一个臂会被持续拉取，直到方差低于目标。&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;Vᵢ = min( ε·Σα / (16√2·log(6n/δ)·γᵢ·Σγ), ε²·Σα / (16·log(12/δ)·αᵢ) )，γᵢ = √αᵢ&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The estimate</source>
        <translation>估计结果</translation>
    </message>
    <message>
        <source>&lt;p&gt;The running estimate log Ŝ ends inside the band log(1 ± ε) around the true log S. With the winner&apos;s logit it gives the probability the studio reports.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;p̂* = exp(μ̂* − log Ŝ)&lt;/p&gt;</source>
        <translation>&lt;p&gt;当前估计 log Ŝ 最终落在真实 log S 周围的 log(1 ± ε) 带内。结合胜者的 logit，就得到本工具报告的概率。&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;p̂* = exp(μ̂* − log Ŝ)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>5 · ε and δ: how often is it wrong?</source>
        <translation>5 · ε 与 δ：出错的频率有多高？</translation>
    </message>
    <message>
        <source>Run many queries and compare the empirical failure rate with δ.</source>
        <translation>运行大量查询，并将经验失败率与 δ 比较。</translation>
    </message>
    <message>
        <source>One run, one verdict</source>
        <translation>一次运行，一个判定</translation>
    </message>
    <message>
        <source>&lt;p&gt;A run &lt;b&gt;succeeds&lt;/b&gt; when it returns the true top-k and every p̂ is within a factor 1 ± ε of the true p. ε is the accuracy you ask for; δ is the probability of failure you accept. The &lt;i&gt;Result&lt;/i&gt; panel shows this run&apos;s verdict.&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;P( correct top-k ∧ |p̂ − p| ≤ ε·p ) ≥ 1 − δ&lt;/p&gt;</source>
        <translation>&lt;p&gt;如果一次运行返回了真实的 top-k，并且每个 p̂ 都在真实 p 的 1 ± ε 倍之内，这次运行就算&lt;b&gt;成功&lt;/b&gt;。ε 是您要求的精度；δ 是您能接受的失败概率。&lt;i&gt;结果&lt;/i&gt;面板显示本次运行的判定。&lt;/p&gt;&lt;p class=&apos;formula&apos;&gt;P( top-k 正确 ∧ |p̂ − p| ≤ ε·p ) ≥ 1 − δ&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Many runs</source>
        <translation>多次运行</translation>
    </message>
    <message>
        <source>&lt;p&gt;The studio now runs %1 queries for every row of the table, on the worker thread, and counts the failures. The guarantee says the failure rate is at most δ; in practice it is usually far below, because the bounds are conservative.&lt;/p&gt;</source>
        <translation>&lt;p&gt;本工具现在在工作线程上为表中的每一行运行 %1 个查询，并统计失败次数。保证指出失败率至多为 δ；实际上通常远低于 δ，因为这些界是保守的。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cheating the constants</source>
        <translation>在常数上作弊</translation>
    </message>
    <message>
        <source>&lt;p&gt;The last row multiplies every variance by a fudge factor φ = 0.0001: the intervals become much narrower, the runs about ten times cheaper, and the failure rate climbs above δ. The guarantee no longer holds.&lt;/p&gt;&lt;p&gt;The &lt;i&gt;Tune&lt;/i&gt; button does this honestly: on held-out queries it picks the smallest φ whose failure rate stays below δ, as the paper does.&lt;/p&gt;</source>
        <translation>&lt;p&gt;最后一行把每个方差乘以修正因子 φ = 0.0001：区间变得窄得多，运行便宜了约十倍，而失败率升到了 δ 以上。保证不再成立。&lt;/p&gt;&lt;p&gt;&lt;i&gt;调优&lt;/i&gt;按钮以诚实的方式做这件事：它在留出的查询上选择使失败率保持在 δ 以下的最小 φ，与论文的做法相同。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Model heads (*.h5 *.hdf5 *.safetensors *.index.json *.npy *.npz);;HDF5 head files (*.h5 *.hdf5);;safetensors (*.safetensors *.index.json);;NumPy (*.npy *.npz);;Scenarios (*.json);;All files (*)</source>
        <translation>模型输出头 (*.h5 *.hdf5 *.safetensors *.index.json *.npy *.npz);;HDF5 输出头文件 (*.h5 *.hdf5);;safetensors (*.safetensors *.index.json);;NumPy (*.npy *.npz);;场景 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;PDF 文档 (*.pdf);;SVG 绘图 (*.svg)</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>tuning</source>
        <translation>调优</translation>
    </message>
    <message>
        <source>queries</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>variance lab</source>
        <translation>方差实验室</translation>
    </message>
    <message>
        <source>row %1, query %2</source>
        <translation>第 %1 行，查询 %2</translation>
    </message>
    <message>
        <source>%1: unknown plot format &apos;%2&apos; (use .png, .pdf or .svg)</source>
        <translation>%1：未知的图表格式“%2”（请使用 .png、.pdf 或 .svg）</translation>
    </message>
    <message>
        <source>could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
</context>
<context>
    <name>ada::AboutDialog</name>
    <message>
        <source>About AdaSoftmax Studio</source>
        <translation>关于 AdaSoftmax Studio</translation>
    </message>
    <message>
        <source>&lt;h2&gt;AdaSoftmax Studio&lt;/h2&gt;&lt;p&gt;Version %1 · source revision %2 · Qt %3&lt;/p&gt;&lt;p&gt;Top-k softmax and its partition function by adaptive sampling, with (ε, δ) guarantees: watch the algorithm work round by round, compare variance estimators, and measure what it would save on your own model&apos;s output layer.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;AdaSoftmax Studio&lt;/h2&gt;&lt;p&gt;版本 %1 · 源代码修订 %2 · Qt %3&lt;/p&gt;&lt;p&gt;通过自适应采样计算 top-k softmax 及其配分函数，并提供 (ε, δ) 保证：逐轮观察算法的运行，比较各种方差估计量，并测量它在您自己模型的输出层上能节省多少计算。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About the studio</source>
        <translation>关于本工具</translation>
    </message>
</context>
<context>
    <name>ada::DatasetPanel</name>
    <message>
        <source>synthetic family</source>
        <translation>合成数据族</translation>
    </message>
    <message>
        <source>arms n</source>
        <translation>臂数 n</translation>
    </message>
    <message>
        <source>dimension d</source>
        <translation>维度 d</translation>
    </message>
    <message>
        <source>queries m</source>
        <translation>查询数 m</translation>
    </message>
    <message>
        <source>data seed</source>
        <translation>数据种子</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <source>built-in dataset</source>
        <translation>内置数据集</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <source>Load the selected built-in head; the first use of a Fashion-MNIST head trains it, the first use of GloVe downloads it (progress below, Esc cancels)</source>
        <translation>加载所选的内置输出头；首次使用 Fashion-MNIST 输出头时会训练它，首次使用 GloVe 时会下载它（进度见下方，Esc 取消）</translation>
    </message>
    <message>
        <source>no dataset</source>
        <translation>无数据集</translation>
    </message>
    <message>
        <source>family</source>
        <translation>族</translation>
    </message>
    <message>
        <source>n (arms)</source>
        <translation>n（臂数）</translation>
    </message>
    <message>
        <source>d (columns)</source>
        <translation>d（列数）</translation>
    </message>
    <message>
        <source>m (queries)</source>
        <translation>m（查询数）</translation>
    </message>
    <message>
        <source>built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>, data seed %1</source>
        <translation>，数据种子 %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;n = %2 arms × d = %3 columns, %4 queries</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;n = %2 个臂 × d = %3 列，%4 个查询</translation>
    </message>
    <message>
        <source>&lt;br&gt;known noise bound σ² = %1</source>
        <translation>&lt;br&gt;已知噪声上界 σ² = %1</translation>
    </message>
</context>
<context>
    <name>ada::EliminationView</name>
    <message>
        <source>Show true logits</source>
        <translation>显示真实 logit</translation>
    </message>
    <message>
        <source>Elimination</source>
        <translation>淘汰</translation>
    </message>
    <message>
        <source>Order arms by</source>
        <translation>臂的排序依据</translation>
    </message>
    <message>
        <source>current estimate</source>
        <translation>当前估计</translation>
    </message>
    <message>
        <source>true logit</source>
        <translation>真实 logit</translation>
    </message>
    <message>
        <source>logit estimate μ̂ᵢ ± confidence half-width Cᵢ</source>
        <translation>logit 估计 μ̂ᵢ ± 置信半宽 Cᵢ</translation>
    </message>
    <message>
        <source>other arms: interval envelope</source>
        <translation>其余臂：区间包络</translation>
    </message>
    <message>
        <source>other arms: μ̂ min–max per bucket</source>
        <translation>其余臂：每组 μ̂ 的最小–最大值</translation>
    </message>
    <message>
        <source>eliminated</source>
        <translation>已淘汰</translation>
    </message>
    <message>
        <source>contender</source>
        <translation>候选</translation>
    </message>
    <message>
        <source>leader</source>
        <translation>领先者</translation>
    </message>
    <message>
        <source>± Cᵢ (confidence half-width)</source>
        <translation>± Cᵢ（置信半宽）</translation>
    </message>
    <message>
        <source>Error bars: the elimination&apos;s own half-widths Cᵢ = √(2·vᵢ·L), L = %1.</source>
        <translation>误差条：淘汰过程自身的半宽 Cᵢ = √(2·vᵢ·L)，L = %1。</translation>
    </message>
    <message>
        <source>Error bars: Cᵢ = √(2·vᵢ·L) computed from the variances with L = log(6n·log D/δ′) = %1, δ′ = %2 (no elimination is running).</source>
        <translation>误差条：Cᵢ = √(2·vᵢ·L)，由方差计算，其中 L = log(6n·log D/δ′) = %1，δ′ = %2（当前未进行淘汰）。</translation>
    </message>
    <message>
        <source>%1 other arms, ~%2 per bucket →</source>
        <translation>其余 %1 个臂，每组约 %2 个 →</translation>
    </message>
    <message>
        <source>arms, best estimate first</source>
        <translation>臂，按估计值从高到低</translation>
    </message>
    <message>
        <source>arms, best true logit first</source>
        <translation>臂，按真实 logit 从高到低</translation>
    </message>
    <message>
        <source>arms, best estimate first (top and contenders in detail, the rest aggregated)</source>
        <translation>臂，按估计值从高到低（顶部和候选臂单独显示，其余聚合）</translation>
    </message>
    <message>
        <source>arms, best true logit first (top and contenders in detail, the rest aggregated)</source>
        <translation>臂，按真实 logit 从高到低（顶部和候选臂单独显示，其余聚合）</translation>
    </message>
    <message>
        <source>Elimination, round %1</source>
        <translation>淘汰，第 %1 轮</translation>
    </message>
    <message>
        <source>Phase: %1</source>
        <translation>阶段：%1</translation>
    </message>
    <message>
        <source>%1 · %2 of %3 arms contending · %4 pulls</source>
        <translation>%1 · %3 个臂中 %2 个仍在竞争 · %4 次拉取</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;pulls: %3 of D = %4&lt;br&gt;estimate μ̂: %5&lt;br&gt;interval: [%6, %7] (± %8)&lt;br&gt;variance v: %9&lt;br&gt;true logit: %10</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（%2）&lt;br&gt;拉取：%3 / D = %4&lt;br&gt;估计值 μ̂：%5&lt;br&gt;区间：[%6, %7]（± %8）&lt;br&gt;方差 v：%9&lt;br&gt;真实 logit：%10</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 aggregated arms&lt;/b&gt;&lt;br&gt;e.g. %2&lt;br&gt;estimates μ̂ from %3 to %4</source>
        <translation>&lt;b&gt;%1 个聚合的臂&lt;/b&gt;&lt;br&gt;例如 %2&lt;br&gt;估计值 μ̂ 从 %3 到 %4</translation>
    </message>
</context>
<context>
    <name>ada::ExplainerView</name>
    <message>
        <source>Explanation of the current phase</source>
        <translation>当前阶段的讲解</translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation>预热</translation>
    </message>
    <message>
        <source>Every one of the %1 arms samples the same prefix of a random column order until its variance estimate is below V₀, or it reaches the cap of %2 columns. A pull is one product Aᵢⱼ·xⱼ; exact softmax needs n·D = %3 of them.</source>
        <translation>%1 个臂中的每一个都按同一个随机列顺序的前缀采样，直到其方差估计低于 V₀，或达到 %2 列的上限。一次拉取就是一个乘积 Aᵢⱼ·xⱼ；精确 softmax 需要 n·D = %3 次。</translation>
    </message>
    <message>
        <source>V₀ = 1 / (17·log(6n/δ′)) = %1,  δ′ = %2</source>
        <translation>V₀ = 1 / (17·log(6n/δ′)) = %1，其中 δ′ = %2</translation>
    </message>
    <message>
        <source>Elimination, round %1</source>
        <translation>淘汰，第 %1 轮</translation>
    </message>
    <message>
        <source>Each contender gets a confidence interval around its estimate. An arm whose upper end falls below the leader&apos;s lower end cannot be the best and is dropped; the survivors are sampled deeper, to half the previous variance target. %1 of %2 arms are still contending.</source>
        <translation>每个候选臂在其估计值周围得到一个置信区间。上端低于领先者下端的臂不可能是最优的，因而被淘汰；幸存者会被更深入地采样，直到达到上一轮方差目标的一半。%2 个臂中仍有 %1 个在竞争。</translation>
    </message>
    <message>
        <source>keep i ⇔ μ̂ᵢ + Cᵢ ≥ max_j (μ̂ⱼ − Cⱼ),  Cᵢ = √(2·vᵢ·L),
L = log(6·n·log D/δ′) = log(6·%1·log %2/%3) = %4</source>
        <translation>保留 i ⇔ μ̂ᵢ + Cᵢ ≥ max_j (μ̂ⱼ − Cⱼ)，Cᵢ = √(2·vᵢ·L)，
L = log(6·n·log D/δ′) = log(6·%1·log %2/%3) = %4</translation>
    </message>
    <message>
        <source>The winner&apos;s logit</source>
        <translation>胜者的 logit</translation>
    </message>
    <message>
        <source>The identified top-%1 arm(s) are computed exactly: D = %2 products each, so their logits carry no sampling error.</source>
        <translation>已识别的 top-%1 臂被精确计算：每个 D = %2 个乘积，因此其 logit 没有采样误差。</translation>
    </message>
    <message>
        <source>The identified top-%1 arm(s) are sampled until the logit&apos;s additive error is small enough for p̂ to stay within 1 ± ε.</source>
        <translation>已识别的 top-%1 臂被持续采样，直到 logit 的加性误差足够小，使 p̂ 保持在 1 ± ε 之内。</translation>
    </message>
    <message>
        <source>μ̂* = β·(A*·x + b*) exactly</source>
        <translation>μ̂* = β·(A*·x + b*)，精确计算</translation>
    </message>
    <message>
        <source>pull until v* ≤ a²/(2·log(2/δ′))</source>
        <translation>持续拉取直到 v* ≤ a²/(2·log(2/δ′))</translation>
    </message>
    <message>
        <source>Partition function, two stages</source>
        <translation>配分函数，两个阶段</translation>
    </message>
    <message>
        <source>From the first-stage estimates, each arm gets a variance target: arms that carry much of S = Σ exp(μᵢ) must be estimated precisely, arms far below the top barely matter. Arms are pulled until they meet their targets; the running estimate is log Ŝ = %1 (true %2).</source>
        <translation>根据第一阶段的估计，每个臂得到一个方差目标：对 S = Σ exp(μᵢ) 贡献大的臂必须精确估计，远低于顶部的臂几乎无关紧要。各臂被拉取直到达到目标；当前估计为 log Ŝ = %1（真实值 %2）。</translation>
    </message>
    <message>
        <source>Vᵢ = min( ε·Σα / (16√2·log(6n/δ)·γᵢ·Σγ),  ε²·Σα / (16·log(12/δ)·αᵢ) ),  αᵢ = exp(μ̂ᵢ − Cᵢ), γᵢ = √αᵢ</source>
        <translation>Vᵢ = min( ε·Σα / (16√2·log(6n/δ)·γᵢ·Σγ),  ε²·Σα / (16·log(12/δ)·αᵢ) )，其中 αᵢ = exp(μ̂ᵢ − Cᵢ)，γᵢ = √αᵢ</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>The run used %1 pulls, %2 % of exact softmax&apos;s n·D = %3 (a %4× saving), and returns the top-%5 with probabilities estimated as exp(estimate − log-partition estimate).</source>
        <translation>本次运行使用了 %1 次拉取，为精确 softmax 的 n·D = %3 的 %2 %（节省 %4×），返回 top-%5 及其概率，概率估计为 exp(估计值 − 对数配分函数估计)。</translation>
    </message>
    <message>
        <source>p̂ᵢ = exp(μ̂ᵢ − log Ŝ),  success ⇔ correct top-k ∧ |p̂ − p| ≤ ε·p</source>
        <translation>p̂ᵢ = exp(μ̂ᵢ − log Ŝ)，成功 ⇔ top-k 正确 ∧ |p̂ − p| ≤ ε·p</translation>
    </message>
    <message>
        <source>Step %1 of %2 · %3 pulls so far (%4 % of n·D = %5) · n = %6 arms, D = %7, ε = %8, δ = %9</source>
        <translation>第 %1 步，共 %2 步 · 已拉取 %3 次（占 n·D = %5 的 %4 %）· n = %6 个臂，D = %7，ε = %8，δ = %9</translation>
    </message>
    <message>
        <source>From the first-stage estimates, each arm gets a variance target: arms that carry much of S = Σ exp(μᵢ) must be estimated precisely, arms far below the top barely matter. Arms are pulled until they meet their targets; the running estimate of log Ŝ (true %1) follows their first pulls.</source>
        <translation>根据第一阶段的估计，每个臂得到一个方差目标：对 S = Σ exp(μᵢ) 贡献大的臂必须精确估计，远低于顶部的臂几乎无关紧要。各臂被拉取直到达到目标；log Ŝ 的当前估计（真实值 %1）随其首批拉取给出。</translation>
    </message>
</context>
<context>
    <name>ada::LessonPanel</name>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Close lesson</source>
        <translation>关闭课程</translation>
    </message>
    <message>
        <source>Lesson text</source>
        <translation>课程内容</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Previous lesson step</source>
        <translation>课程的上一步</translation>
    </message>
    <message>
        <source>Next lesson step</source>
        <translation>课程的下一步</translation>
    </message>
    <message>
        <source>Close the lesson</source>
        <translation>关闭本课程</translation>
    </message>
    <message>
        <source>The elimination is over: %1 wins. You predicted %2 of %3 rounds correctly.</source>
        <translation>淘汰结束：%1 获胜。您在 %3 轮中猜对了 %2 轮。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Right:&lt;/b&gt; %1 was eliminated (this round dropped %2).</source>
        <translation>&lt;b&gt;猜对了：&lt;/b&gt;%1 被淘汰（本轮淘汰了 %2）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not this time:&lt;/b&gt; %1 survived; this round dropped %2.</source>
        <translation>&lt;b&gt;这次没猜中：&lt;/b&gt;%1 幸存；本轮淘汰了 %2。</translation>
    </message>
    <message>
        <source>No lesson</source>
        <translation>没有课程</translation>
    </message>
    <message>
        <source>&lt;p&gt;Choose a lesson from the &lt;b&gt;Lessons&lt;/b&gt; menu.&lt;/p&gt;</source>
        <translation>&lt;p&gt;请从&lt;b&gt;课程&lt;/b&gt;菜单中选择一节课。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>failures</source>
        <translation>失败次数</translation>
    </message>
    <message>
        <source>failure rate</source>
        <translation>失败率</translation>
    </message>
    <message>
        <source>speedup</source>
        <translation>加速比</translation>
    </message>
    <message>
        <source>Running %1 queries at δ = %2…</source>
        <translation>正在以 δ = %2 运行 %1 个查询…</translation>
    </message>
    <message>
        <source>Waiting for the run…</source>
        <translation>正在等待运行结果…</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Predict that %1 is eliminated next</source>
        <translation>预测下一个被淘汰的是 %1</translation>
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
        <translation>数据集已保存为 %1</translation>
    </message>
    <message>
        <source>Tuned on up to 200 queries: φ_b = %1, φ_ℓ = %2</source>
        <translation>已在最多 200 个查询上调优：φ_b = %1，φ_ℓ = %2</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>the scenario&apos;s query %1 does not exist in %2 (queries 0 … %3); showing query %3</source>
        <translation>场景中的查询 %1 在 %2 中不存在（查询 0 … %3）；显示查询 %3</translation>
    </message>
    <message>
        <source>Loaded %1</source>
        <translation>已加载 %1</translation>
    </message>
    <message>
        <source>Fix the parameters first: %1</source>
        <translation>请先修正参数：%1</translation>
    </message>
    <message>
        <source>%1 has no queries to run</source>
        <translation>%1 没有可运行的查询</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <source>Tuning fudge factors on up to 200 queries…</source>
        <translation>正在最多 200 个查询上调优修正因子…</translation>
    </message>
    <message>
        <source>Run finished: %L1 pulls, %2× fewer than exact; replaying</source>
        <translation>运行完成：%L1 次拉取，比精确计算少 %2×；正在回放</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open head file…</source>
        <translation>打开输出头文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Save dataset as &amp;HDF5…</source>
        <translation>将数据集保存为 HDF5(&amp;H)…</translation>
    </message>
    <message>
        <source>Open s&amp;cenario…</source>
        <translation>打开场景(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Save scenario…</source>
        <translation>保存场景(&amp;S)…</translation>
    </message>
    <message>
        <source>Export &amp;plot</source>
        <translation>导出图表(&amp;P)</translation>
    </message>
    <message>
        <source>%1 view…</source>
        <translation>%1 视图…</translation>
    </message>
    <message>
        <source>&amp;All views into a folder…</source>
        <translation>所有视图导出到文件夹(&amp;A)…</translation>
    </message>
    <message>
        <source>Export results as &amp;CSV…</source>
        <translation>将结果导出为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Export results as &amp;JSON…</source>
        <translation>将结果导出为 JSON(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About AdaSoftmax Studio</source>
        <translation>关于 AdaSoftmax Studio(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>The language changes when the studio restarts.</source>
        <translation>语言将在重新启动本工具后更改。</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>The theme changes when the studio restarts; plots always export in the light theme.</source>
        <translation>主题将在重新启动后更改；图表始终以浅色主题导出。</translation>
    </message>
    <message>
        <source>Play or pause the replay</source>
        <translation>播放或暂停回放</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <source>Step one batch of pulls</source>
        <translation>前进一批拉取</translation>
    </message>
    <message>
        <source>Step one round</source>
        <translation>前进一轮</translation>
    </message>
    <message>
        <source>Reset to the start</source>
        <translation>重置到开头</translation>
    </message>
    <message>
        <source>Run to the end</source>
        <translation>运行到结尾</translation>
    </message>
    <message>
        <source>Show this list</source>
        <translation>显示此列表</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1：文件不存在</translation>
    </message>
    <message>
        <source>There is no finished run to export yet</source>
        <translation>尚无可导出的已完成运行</translation>
    </message>
    <message>
        <source>Results written to %1</source>
        <translation>结果已写入 %1</translation>
    </message>
    <message>
        <source>Plot written to %1</source>
        <translation>图表已写入 %1</translation>
    </message>
    <message>
        <source>Exported %1 plots as PNG, PDF and SVG to %2</source>
        <translation>已将 %1 个图表以 PNG、PDF 和 SVG 格式导出到 %2</translation>
    </message>
    <message>
        <source>Scenario saved to %1</source>
        <translation>场景已保存到 %1</translation>
    </message>
    <message>
        <source>Open head file</source>
        <translation>打开输出头文件</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>打开场景</translation>
    </message>
    <message>
        <source>Scenarios (*.json)</source>
        <translation>场景 (*.json)</translation>
    </message>
    <message>
        <source>Export all plots into folder</source>
        <translation>将所有图表导出到文件夹</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Save scenario</source>
        <translation>保存场景</translation>
    </message>
    <message>
        <source>There is no dataset to save yet</source>
        <translation>尚无可保存的数据集</translation>
    </message>
    <message>
        <source>Save dataset as an HDF5 head file</source>
        <translation>将数据集保存为 HDF5 输出头文件</translation>
    </message>
    <message>
        <source>HDF5 head files (*.h5)</source>
        <translation>HDF5 输出头文件 (*.h5)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Variance lab</source>
        <translation>方差实验室</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Dataset and parameters</source>
        <translation>数据集与参数</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Pulls per arm</source>
        <translation>每个臂的拉取次数</translation>
    </message>
    <message>
        <source>Partition function</source>
        <translation>配分函数</translation>
    </message>
    <message>
        <source>Round timeline</source>
        <translation>轮次时间线</translation>
    </message>
    <message>
        <source>Explainer</source>
        <translation>讲解</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Lesson: %1</source>
        <translation>课程：%1</translation>
    </message>
    <message>
        <source>Run finished: %L1 pulls, %2× fewer than exact</source>
        <translation>运行完成：%L1 次拉取，比精确计算少 %2×</translation>
    </message>
    <message>
        <source>Speedup report</source>
        <translation>加速报告</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>Put every panel back where it was at the first start</source>
        <translation>将所有面板恢复到首次启动时的位置</translation>
    </message>
</context>
<context>
    <name>ada::MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>关闭消息</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>ada::ParameterPanel</name>
    <message>
        <source>epsilon</source>
        <translation>ε 值</translation>
    </message>
    <message>
        <source>Multiplicative accuracy ε of the top-k probabilities, in (0, 1)</source>
        <translation>top-k 概率的乘性精度 ε，取值于 (0, 1)</translation>
    </message>
    <message>
        <source>delta</source>
        <translation>δ 值</translation>
    </message>
    <message>
        <source>Failure probability δ of the PAC guarantee, in (0, 1)</source>
        <translation>PAC 保证的失败概率 δ，取值于 (0, 1)</translation>
    </message>
    <message>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <source>How many of the largest probabilities to find (1 … n−1)</source>
        <translation>要找出的最大概率的个数（1 … n−1）</translation>
    </message>
    <message>
        <source>temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Inverse temperature β in softmax(β·A·x)</source>
        <translation>softmax(β·A·x) 中的逆温度 β</translation>
    </message>
    <message>
        <source>Applies the preset&apos;s sampler, weights, exact winner and warm-up cap</source>
        <translation>应用该预设的采样器、权重、精确胜者和预热上限</translation>
    </message>
    <message>
        <source>Column sampler and its variance estimator</source>
        <translation>列采样器及其方差估计量</translation>
    </message>
    <message>
        <source>Importance weights: column L1 norms of A (head), |x_j| (query), or both</source>
        <translation>重要性权重：A 的列 L1 范数（输出头）、|x_j|（查询）或两者</translation>
    </message>
    <message>
        <source>compute the winner exactly</source>
        <translation>精确计算胜者</translation>
    </message>
    <message>
        <source>fudge factor for elimination</source>
        <translation>淘汰的修正因子</translation>
    </message>
    <message>
        <source>φ_b: multiplies the variances used by the elimination (log-scale steps)</source>
        <translation>φ_b：乘以淘汰所用的方差（对数刻度步进）</translation>
    </message>
    <message>
        <source>fudge factor for the partition function</source>
        <translation>配分函数的修正因子</translation>
    </message>
    <message>
        <source>φ_ℓ: multiplies the variances used for log S (log-scale steps)</source>
        <translation>φ_ℓ：乘以估计 log S 所用的方差（对数刻度步进）</translation>
    </message>
    <message>
        <source>Tune</source>
        <translation>调优</translation>
    </message>
    <message>
        <source>Tune both fudge factors on up to 200 queries of the dataset (§7)</source>
        <translation>在数据集的最多 200 个查询上调优两个修正因子（§7）</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Algorithm seed: the same inputs and seed give the same bits</source>
        <translation>算法种子：相同的输入和种子得到完全相同的结果</translation>
    </message>
    <message>
        <source>query</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Which of the dataset&apos;s queries x to run</source>
        <translation>要运行数据集中的哪个查询 x</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>再次运行</translation>
    </message>
    <message>
        <source>Runs now; any parameter change also starts a new run</source>
        <translation>立即运行；任何参数更改也会启动新的运行</translation>
    </message>
    <message>
        <source>ε (accuracy)</source>
        <translation>ε（精度）</translation>
    </message>
    <message>
        <source>δ (failure prob.)</source>
        <translation>δ（失败概率）</translation>
    </message>
    <message>
        <source>β (inverse temp.)</source>
        <translation>β（逆温度）</translation>
    </message>
    <message>
        <source>preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>sampler</source>
        <translation>采样器</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>fudge φ_b, φ_ℓ</source>
        <translation>修正因子 φ_b, φ_ℓ</translation>
    </message>
    <message>
        <source>Tuning…</source>
        <translation>调优中…</translation>
    </message>
    <message>
        <source>the seed must be an integer between 0 and 18446744073709551615</source>
        <translation>种子必须是 0 到 18446744073709551615 之间的整数</translation>
    </message>
    <message>
        <source>k must be smaller than the number of arms (%1)</source>
        <translation>k 必须小于臂的数量（%1）</translation>
    </message>
    <message>
        <source>importance weights</source>
        <translation>重要性权重</translation>
    </message>
</context>
<context>
    <name>ada::PartitionView</name>
    <message>
        <source>Partition function S = Σ exp(μᵢ)</source>
        <translation>配分函数 S = Σ exp(μᵢ)</translation>
    </message>
    <message>
        <source>replay step</source>
        <translation>回放步骤</translation>
    </message>
    <message>
        <source>log Ŝ</source>
        <translation>log Ŝ（估计）</translation>
    </message>
    <message>
        <source>true log S + log(1 ± ε)</source>
        <translation>真实 log S + log(1 ± ε)</translation>
    </message>
    <message>
        <source>true log S</source>
        <translation>真实 log S</translation>
    </message>
    <message>
        <source>running log Ŝ</source>
        <translation>当前 log Ŝ</translation>
    </message>
    <message>
        <source>variance target Vᵢ (Algorithm 2)</source>
        <translation>方差目标 Vᵢ（算法 2）</translation>
    </message>
    <message>
        <source>current variance vᵢ</source>
        <translation>当前方差 vᵢ</translation>
    </message>
    <message>
        <source>dashed: vᵢ = Vᵢ; an arm below it has met its target</source>
        <translation>虚线：vᵢ = Vᵢ；低于该线的臂已达到目标</translation>
    </message>
    <message>
        <source>log Ŝ is estimated in the partition phase</source>
        <translation>log Ŝ 在配分阶段估计</translation>
    </message>
    <message>
        <source>Partition function S = Σ exp(μᵢ) · %1</source>
        <translation>配分函数 S = Σ exp(μᵢ) · %1</translation>
    </message>
    <message>
        <source>Partition function · log Ŝ = %1 vs log S = %2 · Ŝ/S − 1 = %3 %, ε = %4 %</source>
        <translation>配分函数 · log Ŝ = %1 对比 log S = %2 · Ŝ/S − 1 = %3 %，ε = %4 %</translation>
    </message>
    <message>
        <source>dashed: vᵢ = Vᵢ;
an arm below it has met its target</source>
        <translation>虚线：vᵢ = Vᵢ；
低于该线的臂已达到目标</translation>
    </message>
    <message>
        <source>dashed: vᵢ = Vᵢ;
an arm below it
has met its target</source>
        <translation>虚线：vᵢ = Vᵢ；
低于该线的臂
已达到目标</translation>
    </message>
    <message>
        <source>log Ŝ is estimated
in the partition phase</source>
        <translation>log Ŝ
在配分阶段估计</translation>
    </message>
    <message>
        <source>variance target Vᵢ</source>
        <translation>方差目标 Vᵢ</translation>
    </message>
    <message>
        <source>target Vᵢ</source>
        <translation>目标 Vᵢ</translation>
    </message>
</context>
<context>
    <name>ada::PlaybackBar</name>
    <message>
        <source>Reset (R)</source>
        <translation>重置（R）</translation>
    </message>
    <message>
        <source>Step back (←)</source>
        <translation>后退一步（←）</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>播放 / 暂停（空格）</translation>
    </message>
    <message>
        <source>Step one pull batch (→)</source>
        <translation>前进一批拉取（→）</translation>
    </message>
    <message>
        <source>Step one round (Shift+→)</source>
        <translation>前进一轮（Shift+→）</translation>
    </message>
    <message>
        <source>Run to end (End)</source>
        <translation>运行到结尾（End）</translation>
    </message>
    <message>
        <source>timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Drag to scrub through the recorded run</source>
        <translation>拖动以浏览已记录的运行</translation>
    </message>
    <message>
        <source>playback speed</source>
        <translation>回放速度</translation>
    </message>
    <message>
        <source>Replay speed (1× = %1 snapshots per second)</source>
        <translation>回放速度（1× = 每秒 %1 个快照）</translation>
    </message>
    <message>
        <source>no run</source>
        <translation>无运行</translation>
    </message>
    <message>
        <source>step %1 / %2 · %3 · %L4 pulls</source>
        <translation>第 %1 / %2 步 · %3 · %L4 次拉取</translation>
    </message>
    <message>
        <source>step %1 / %2</source>
        <translation>第 %1 / %2 步</translation>
    </message>
</context>
<context>
    <name>ada::PlotStyle</name>
    <message>
        <source>warm-up</source>
        <translation>预热</translation>
    </message>
    <message>
        <source>elimination</source>
        <translation>淘汰</translation>
    </message>
    <message>
        <source>winner</source>
        <translation>胜者</translation>
    </message>
    <message>
        <source>partition</source>
        <translation>配分</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>ada::PullsView</name>
    <message>
        <source>Pulls per arm</source>
        <translation>每个臂的拉取次数</translation>
    </message>
    <message>
        <source>arms, most pulled first</source>
        <translation>臂，按拉取次数从多到少</translation>
    </message>
    <message>
        <source>pulls tᵢ (columns charged)</source>
        <translation>拉取 tᵢ（计费的列数）</translation>
    </message>
    <message>
        <source>pulls</source>
        <translation>拉取</translation>
    </message>
    <message>
        <source>pulls tᵢ (log-spaced bins)</source>
        <translation>拉取 tᵢ（对数间隔分箱）</translation>
    </message>
    <message>
        <source>arms</source>
        <translation>臂</translation>
    </message>
    <message>
        <source>exact softmax: D = %1 per arm</source>
        <translation>精确 softmax：每个臂 D = %1</translation>
    </message>
    <message>
        <source>Pulls · %1 of n·D = %2 (%3 %, %4× fewer) · %5</source>
        <translation>拉取 · n·D = %2 中的 %1（%3 %，减少 %4×）· %5</translation>
    </message>
    <message>
        <source>exact: D = %1 per arm</source>
        <translation>精确：每个臂 D = %1</translation>
    </message>
    <message>
        <source>D = %1</source>
        <translation>D = %1</translation>
    </message>
    <message>
        <source>pulls tᵢ
(log-spaced bins)</source>
        <translation>拉取 tᵢ
（对数间隔分箱）</translation>
    </message>
    <message>
        <source>pulls tᵢ
(log bins)</source>
        <translation>拉取 tᵢ
（对数分箱）</translation>
    </message>
    <message>
        <source>arms,
most pulled first</source>
        <translation>臂，
按拉取次数从多到少</translation>
    </message>
</context>
<context>
    <name>ada::RecentFiles</name>
    <message>
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
</context>
<context>
    <name>ada::ReportPanel</name>
    <message>
        <source>SVD-softmax</source>
        <translation>SVD-softmax</translation>
    </message>
    <message>
        <source>hierarchical softmax</source>
        <translation>层次 softmax</translation>
    </message>
    <message>
        <source>Run report</source>
        <translation>生成报告</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>The δ values, comma-separated; one adaptive row each</source>
        <translation>δ 值，以逗号分隔；每个值对应一行自适应结果</translation>
    </message>
    <message>
        <source>deltas</source>
        <translation>δ 值</translation>
    </message>
    <message>
        <source>auto: min(200, M/2)</source>
        <translation>自动：min(200, M/2)</translation>
    </message>
    <message>
        <source>Tuning queries (they also fit the hierarchical softmax)</source>
        <translation>调参查询（也用于拟合层次 softmax）</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Use the first M queries of the dataset</source>
        <translation>使用数据集的前 M 个查询</translation>
    </message>
    <message>
        <source>δ values</source>
        <translation>δ 值</translation>
    </message>
    <message>
        <source>tuning queries</source>
        <translation>调参查询</translation>
    </message>
    <message>
        <source>queries used</source>
        <translation>使用的查询</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>baselines</source>
        <translation>基线方法</translation>
    </message>
    <message>
        <source>done: %1 test queries</source>
        <translation>完成：%1 个测试查询</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>%1: %2 queries</source>
        <translation>%1：%2 个查询</translation>
    </message>
    <message>
        <source>every δ must be a number in (0, 1), got &apos;%1&apos;</source>
        <translation>每个 δ 必须是 (0, 1) 内的数，得到的是“%1”</translation>
    </message>
    <message>
        <source>give at least one δ, e.g. 0.1, 0.05, 0.01</source>
        <translation>请至少给出一个 δ，例如 0.1, 0.05, 0.01</translation>
    </message>
    <message>
        <source>load a dataset first</source>
        <translation>请先加载数据集</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>nothing to export: run the report first</source>
        <translation>没有可导出的内容：请先生成报告</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Export the speedup report</source>
        <translation>导出加速报告</translation>
    </message>
    <message>
        <source>Markdown (*.md);;CSV (*.csv);;Plots as PNG (*.png);;Plots as PDF (*.pdf);;Plots as SVG (*.svg)</source>
        <translation>Markdown (*.md);;CSV (*.csv);;图表导出为 PNG (*.png);;图表导出为 PDF (*.pdf);;图表导出为 SVG (*.svg)</translation>
    </message>
</context>
<context>
    <name>ada::ResultSummaryView</name>
    <message>
        <source>Result summary</source>
        <translation>结果摘要</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#2ca02c; font-size:large&apos;&gt;&lt;b&gt;✓ success&lt;/b&gt;&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#2ca02c; font-size:large&apos;&gt;&lt;b&gt;✓ 成功&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#d62728; font-size:large&apos;&gt;&lt;b&gt;✗ failure&lt;/b&gt;&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#d62728; font-size:large&apos;&gt;&lt;b&gt;✗ 失败&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>correct top-%1 and every p̂ within 1 ± ε</source>
        <translation>top-%1 正确且每个 p̂ 都在 1 ± ε 之内</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 &amp;nbsp;&lt;span style=&apos;color:#666&apos;&gt;(%2)&lt;/span&gt;&lt;br&gt;%3, query %4&lt;/p&gt;&lt;table cellspacing=0 cellpadding=3 border=1 style=&apos;border-collapse:collapse&apos;&gt;&lt;tr&gt;&lt;th&gt;#&lt;/th&gt;&lt;th&gt;arm&lt;/th&gt;&lt;th&gt;true rank&lt;/th&gt;&lt;th&gt;p̂&lt;/th&gt;&lt;th&gt;p&lt;/th&gt;&lt;th&gt;p̂/p − 1&lt;/th&gt;&lt;th&gt;≤ ε&lt;/th&gt;&lt;/tr&gt;%5&lt;/table&gt;&lt;table cellspacing=0 cellpadding=2 style=&apos;margin-top:6px&apos;&gt;&lt;tr&gt;&lt;td&gt;log Ŝ&lt;/td&gt;&lt;td align=right&gt;%6&lt;/td&gt;&lt;td&gt;&amp;nbsp;vs log S&lt;/td&gt;&lt;td align=right&gt;%7&lt;/td&gt;&lt;td&gt;&amp;nbsp;(Ŝ/S − 1 = %8 %)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;pulls&lt;/td&gt;&lt;td align=right&gt;%9&lt;/td&gt;&lt;td&gt;&amp;nbsp;vs n·D&lt;/td&gt;&lt;td align=right&gt;%10&lt;/td&gt;&lt;td&gt;&amp;nbsp;(%11 %, speedup &lt;b&gt;%12×&lt;/b&gt;)&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p style=&apos;color:#666&apos;&gt;ε = %13, δ = %14, preset %15, sampler %16&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 &amp;nbsp;&lt;span style=&apos;color:#666&apos;&gt;（%2）&lt;/span&gt;&lt;br&gt;%3，查询 %4&lt;/p&gt;&lt;table cellspacing=0 cellpadding=3 border=1 style=&apos;border-collapse:collapse&apos;&gt;&lt;tr&gt;&lt;th&gt;#&lt;/th&gt;&lt;th&gt;臂&lt;/th&gt;&lt;th&gt;真实排名&lt;/th&gt;&lt;th&gt;p̂&lt;/th&gt;&lt;th&gt;p&lt;/th&gt;&lt;th&gt;p̂/p − 1&lt;/th&gt;&lt;th&gt;≤ ε&lt;/th&gt;&lt;/tr&gt;%5&lt;/table&gt;&lt;table cellspacing=0 cellpadding=2 style=&apos;margin-top:6px&apos;&gt;&lt;tr&gt;&lt;td&gt;log Ŝ&lt;/td&gt;&lt;td align=right&gt;%6&lt;/td&gt;&lt;td&gt;&amp;nbsp;对比 log S&lt;/td&gt;&lt;td align=right&gt;%7&lt;/td&gt;&lt;td&gt;&amp;nbsp;（Ŝ/S − 1 = %8 %）&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;拉取&lt;/td&gt;&lt;td align=right&gt;%9&lt;/td&gt;&lt;td&gt;&amp;nbsp;对比 n·D&lt;/td&gt;&lt;td align=right&gt;%10&lt;/td&gt;&lt;td&gt;&amp;nbsp;（%11 %，加速 &lt;b&gt;%12×&lt;/b&gt;）&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p style=&apos;color:#666&apos;&gt;ε = %13，δ = %14，预设 %15，采样器 %16&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ada::RunData</name>
    <message>
        <source>arm %1</source>
        <translation>臂 %1</translation>
    </message>
</context>
<context>
    <name>ada::Scenario</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>scenario: &quot;%1&quot; must be a number</source>
        <translation>场景：“%1” 必须是数字</translation>
    </message>
    <message>
        <source>scenario: &quot;%1&quot; must be a string</source>
        <translation>场景：“%1” 必须是字符串</translation>
    </message>
    <message>
        <source>scenario: unknown key &quot;%1&quot; in %2 (accepted: %3)</source>
        <translation>场景：%2 中有未知的键 “%1”（可接受：%3）</translation>
    </message>
    <message>
        <source>scenario: &quot;%1&quot; must be true or false</source>
        <translation>场景：“%1” 必须是 true 或 false</translation>
    </message>
    <message>
        <source>scenario: &quot;seed&quot; must be a non-negative integer (a number up to 2^53, or a string of digits up to 18446744073709551615)</source>
        <translation>场景：“seed” 必须是非负整数（不超过 2^53 的数字，或不超过 18446744073709551615 的数字字符串）</translation>
    </message>
    <message>
        <source>scenario: &quot;%1&quot;: %2</source>
        <translation>场景：“%1”：%2</translation>
    </message>
    <message>
        <source>the scenario</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>scenario: &quot;format&quot; must be &quot;adasoftmax-scenario&quot;</source>
        <translation>场景：“format” 必须是 “adasoftmax-scenario”</translation>
    </message>
    <message>
        <source>scenario: version %1 is newer than this build reads (1)</source>
        <translation>场景：版本 %1 比此构建能读取的版本（1）更新</translation>
    </message>
    <message>
        <source>scenario: &quot;dataset&quot; is missing</source>
        <translation>场景：缺少 “dataset”</translation>
    </message>
    <message>
        <source>scenario: &quot;query&quot; must be a non-negative integer</source>
        <translation>场景：“query” 必须是非负整数</translation>
    </message>
    <message>
        <source>scenario: &quot;config&quot; must be an object</source>
        <translation>场景：“config” 必须是对象</translation>
    </message>
    <message>
        <source>scenario: &quot;k&quot; must be an integer</source>
        <translation>场景：“k” 必须是整数</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1: not valid JSON (%2 at offset %3)</source>
        <translation>%1：不是有效的 JSON（在偏移 %3 处：%2）</translation>
    </message>
    <message>
        <source>%1: a scenario is a JSON object</source>
        <translation>%1：场景必须是一个 JSON 对象</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>ada::ShortcutOverlay</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Press any key or click to close</source>
        <translation>按任意键或单击以关闭</translation>
    </message>
</context>
<context>
    <name>ada::SpeedupReportView</name>
    <message>
        <source>method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>δ</source>
        <translation>δ</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>speedup (samples, n·D)</source>
        <translation>加速比（采样，n·D）</translation>
    </message>
    <message>
        <source>speedup (samples, n·d)</source>
        <translation>加速比（采样，n·d）</translation>
    </message>
    <message>
        <source>speedup (time)</source>
        <translation>加速比（时间）</translation>
    </message>
    <message>
        <source>success rate [95 % CI]</source>
        <translation>成功率 [95% 置信区间]</translation>
    </message>
    <message>
        <source>cost / query</source>
        <translation>每个查询的开销</translation>
    </message>
    <message>
        <source>time / query</source>
        <translation>每个查询的时间</translation>
    </message>
    <message>
        <source>meets 1 − δ</source>
        <translation>达到 1 − δ</translation>
    </message>
    <message>
        <source>Sample speedup against δ</source>
        <translation>采样加速比随 δ 的变化</translation>
    </message>
    <message>
        <source>Pulls per query</source>
        <translation>每个查询的采样次数</translation>
    </message>
    <message>
        <source>Success against cost</source>
        <translation>成功率与开销</translation>
    </message>
    <message>
        <source>δ (%)</source>
        <translation>δ (%)</translation>
    </message>
    <message>
        <source>speedup (×)</source>
        <translation>加速比 (×)</translation>
    </message>
    <message>
        <source>pulls / (n·D) per query</source>
        <translation>每个查询的采样次数 / (n·D)</translation>
    </message>
    <message>
        <source>queries</source>
        <translation>查询数</translation>
    </message>
    <message>
        <source>mean cost / (n·D)</source>
        <translation>平均开销 / (n·D)</translation>
    </message>
    <message>
        <source>success rate</source>
        <translation>成功率</translation>
    </message>
    <message>
        <source>NO ✗</source>
        <translation>否 ✗</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>none ✗</source>
        <translation>无 ✗</translation>
    </message>
    <message>
        <source>samples (n·D), 95 % bars</source>
        <translation>采样 (n·D)，95% 误差棒</translation>
    </message>
    <message>
        <source>wall-clock</source>
        <translation>实际耗时</translation>
    </message>
    <message>
        <source>δ = %1</source>
        <translation>δ = %1</translation>
    </message>
    <message>
        <source>tuned on %1</source>
        <translation>在 %1 个查询上调优</translation>
    </message>
    <message>
        <source>fitted on %1</source>
        <translation>在 %1 个查询上拟合</translation>
    </message>
    <message>
        <source>fit %1</source>
        <translation>拟合 %1</translation>
    </message>
    <message>
        <source>SVD %1</source>
        <translation>SVD %1</translation>
    </message>
    <message>
        <source>SVD cached</source>
        <translation>SVD 已缓存</translation>
    </message>
    <message>
        <source>rank %1</source>
        <translation>秩 %1</translation>
    </message>
    <message>
        <source>SVD-softmax cannot beat exact softmax on this head: n = %1 ≤ d = %2, so the transform Vᵀx alone costs r·d = n·d multiplications (§11.1).</source>
        <translation>在此输出层上 SVD-softmax 无法胜过精确 softmax：n = %1 ≤ d = %2，因此仅变换 Vᵀx 就需要 r·d = n·d 次乘法（§11.1）。</translation>
    </message>
    <message>
        <source>hierarchical softmax skipped: it is fitted on the tuning queries and there are none.</source>
        <translation>已跳过层次 softmax：它在调参查询上拟合，而这里没有调参查询。</translation>
    </message>
    <message>
        <source>hierarchical softmax fitted on only %1 queries (the tuning queries), fewer than d = %2: each node&apos;s regression is L2-penalised in a rank-%3 subspace of them; more fitting queries would help it (§11.3 asks for many).</source>
        <translation>层次 softmax 仅在 %1 个查询（调参查询）上拟合，少于 d = %2：每个节点的回归在其秩 %3 子空间中做 L2 惩罚；更多拟合查询会有帮助（§11.3 要求很多）。</translation>
    </message>
</context>
<context>
    <name>ada::TensorFileDialog</name>
    <message>
        <source>Open %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <source>head tensor</source>
        <translation>输出头张量</translation>
    </message>
    <message>
        <source>queries file</source>
        <translation>查询文件</translation>
    </message>
    <message>
        <source>required: a .npy (m × d) of hidden states</source>
        <translation>必需：一个包含隐藏状态的 .npy 文件（m × d）</translation>
    </message>
    <message>
        <source>optional: replaces the queries in the file</source>
        <translation>可选：替换文件中的查询</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>%1. The head is tied to the input embedding %2.</source>
        <translation>%1。该输出头与输入嵌入 %2 共享权重。</translation>
    </message>
    <message>
        <source>%1 with %2 tensors; the loader&apos;s own pick is preselected.</source>
        <translation>%1 含 %2 个张量；已预先选中加载器自己的选择。</translation>
    </message>
    <message>
        <source>head tensor (n × d)</source>
        <translation>输出头张量（n × d）</translation>
    </message>
    <message>
        <source>queries</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Queries (hidden states)</source>
        <translation>查询（隐藏状态）</translation>
    </message>
    <message>
        <source>NumPy arrays (*.npy *.npz);;All files (*)</source>
        <translation>NumPy 数组 (*.npy *.npz);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ada::TimelineView</name>
    <message>
        <source>Timeline (click to seek)</source>
        <translation>时间线（点击跳转）</translation>
    </message>
    <message>
        <source>replay step</source>
        <translation>回放步骤</translation>
    </message>
    <message>
        <source>cumulative pulls</source>
        <translation>累计拉取</translation>
    </message>
    <message>
        <source>elimination round %1</source>
        <translation>淘汰第 %1 轮</translation>
    </message>
    <message>
        <source>Timeline · step %1 of %2 · %3 · %4 pulls so far (click to seek)</source>
        <translation>时间线 · 第 %1 步，共 %2 步 · %3 · 已拉取 %4 次（点击跳转）</translation>
    </message>
</context>
<context>
    <name>ada::VarianceLabPanel</name>
    <message>
        <source>An arm index, a name from the dataset&apos;s vocabulary, &apos;top&apos; or &apos;random&apos;</source>
        <translation>臂的索引、数据集词表中的名称、“top” 或 “random”</translation>
    </message>
    <message>
        <source>row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>query</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>repetitions</source>
        <translation>重复次数</translation>
    </message>
    <message>
        <source>Sample sizes: &apos;10,50,200&apos;, &apos;log:N&apos; or &apos;linear:N&apos; (from 10 to d)</source>
        <translation>样本量：“10,50,200”、“log:N” 或 “linear:N”（从 10 到 d）</translation>
    </message>
    <message>
        <source>sample sizes</source>
        <translation>样本量</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Paper figure</source>
        <translation>论文图示</translation>
    </message>
    <message>
        <source>The layout of the paper&apos;s variance figure (§9)</source>
        <translation>论文中方差图的布局（§9）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>estimators</source>
        <translation>估计量</translation>
    </message>
    <message>
        <source>importance weights</source>
        <translation>重要性权重</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>load a dataset first</source>
        <translation>请先加载数据集</translation>
    </message>
    <message>
        <source>choose at least one estimator</source>
        <translation>请至少选择一个估计量</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <source>Export variance plots</source>
        <translation>导出方差图表</translation>
    </message>
    <message>
        <source>PNG (*.png);;PDF (*.pdf);;SVG (*.svg)</source>
        <translation>PNG 图像 (*.png);;PDF 文档 (*.pdf);;SVG 图形 (*.svg)</translation>
    </message>
</context>
<context>
    <name>ada::VarianceLabView</name>
    <message>
        <source>MSE against sample size</source>
        <translation>MSE 随样本量的变化</translation>
    </message>
    <message>
        <source>sample size t</source>
        <translation>样本量 t</translation>
    </message>
    <message>
        <source>MSE ── predicted - - v̂ ± sd ▒</source>
        <translation>MSE ── 预测值 - - v̂ ± 标准差 ▒</translation>
    </message>
    <message>
        <source>MSE against sample size · %1 · logit %2</source>
        <translation>MSE 随样本量的变化 · %1 · logit %2</translation>
    </message>
    <message>
        <source>sampled A_ij</source>
        <translation>采样的 A_ij</translation>
    </message>
    <message>
        <source>pairs</source>
        <translation>配对</translation>
    </message>
    <message>
        <source>%1 · %2&lt;br&gt;t = %3: %4</source>
        <translation>%1 · %2&lt;br&gt;t = %3：%4</translation>
    </message>
    <message>
        <source>observed MSE</source>
        <translation>观测到的 MSE</translation>
    </message>
    <message>
        <source>predicted variance</source>
        <translation>预测方差</translation>
    </message>
    <message>
        <source>ln(1 + pairs)</source>
        <translation>ln(1 + 配对数)</translation>
    </message>
    <message>
        <source>x_j</source>
        <translation>x_j</translation>
    </message>
    <message>
        <source>second-order HT term
f_j f_k (π_jk − π_j π_k)/(π_j π_k)</source>
        <translation>二阶 HT 项
f_j f_k (π_jk − π_j π_k)/(π_j π_k)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>AdaSoftmax Studio: watch adaptive softmax work, round by round.</source>
        <translation>AdaSoftmax Studio：逐轮观察自适应 softmax 的运行。</translation>
    </message>
    <message>
        <source>Open the scenario FILE (JSON) at start.</source>
        <translation>启动时打开场景文件 FILE（JSON）。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Run the start-up scenario, save a screenshot of the window to FILE (PNG) and quit.</source>
        <translation>运行启动场景，将窗口截图保存到 FILE（PNG）后退出。</translation>
    </message>
    <message>
        <source>Measure replay frames per second for n = 1 000 and n = 50 000, print them and quit.</source>
        <translation>测量 n = 1 000 和 n = 50 000 时每秒的回放帧数，输出后退出。</translation>
    </message>
    <message>
        <source>With --screenshot: also run the variance lab&apos;s paper figure and show it.</source>
        <translation>与 --screenshot 一起使用：同时运行并显示方差实验室的论文图示。</translation>
    </message>
    <message>
        <source>Use the language CODE (en, de, zh_CN) for this start only.</source>
        <translation>仅在本次启动时使用语言 CODE（en、de、zh_CN）。</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Use the THEME (system, light, dark) for this start only.</source>
        <translation>仅在本次启动时使用主题 THEME（system、light、dark）。</translation>
    </message>
    <message>
        <source>THEME</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Start the guided lesson N (1 … 5).</source>
        <translation>启动第 N 节引导课程（1 … 5）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>With --lesson and --screenshot: take the picture at step K (1-based).</source>
        <translation>与 --lesson 和 --screenshot 一起使用：在第 K 步截图（从 1 开始）。</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>With --screenshot: also run the speedup report on the dataset and show it.</source>
        <translation>与 --screenshot 一起使用：同时对数据集生成加速报告并显示。</translation>
    </message>
</context>
</TS>
