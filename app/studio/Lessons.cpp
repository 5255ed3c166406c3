#include "Lessons.h"

namespace ada {

namespace {

Scenario scenario(const char* dataset, Config config = {})
{
    Scenario s;
    s.dataset = QString::fromLatin1(dataset);
    s.config = config;
    return s;
}

Config withSampler(Sampler sampler, ImportanceWeights weights)
{
    Config c;
    c.sampler = sampler;
    c.weights = weights;
    return c;
}

} // namespace

std::vector<Lesson> Lessons::all()
{
    std::vector<Lesson> lessons;

    // 1. Why exact softmax costs n·d, and what a pull is.
    lessons.push_back(
        {tr("1 · What exact softmax costs"),
         tr("Why the exact answer costs n·d products, and what a pull is."),
         scenario("synthetic:noisy?n=40&d=4000&m=20&seed=1"),
         {{tr("Exact softmax"),
           tr("<p>A softmax output layer scores each of its n <b>arms</b> (words of a vocabulary, classes) "
              "with a logit μᵢ and turns the logits into probabilities pᵢ = exp(μᵢ) / S.</p>"
              "<p>Every logit is a dot product of a row of the head A with the query x: d multiplications. "
              "Here n = 40 arms and d = 4 000 columns, so the exact answer costs 160 000 products. The "
              "replay stands at its start: nothing has been computed yet.</p>"
              "<p class='formula'>μᵢ = β·Σⱼ Aᵢⱼ·xⱼ &nbsp;&nbsp;⇒&nbsp;&nbsp; cost = n·d</p>"),
           LessonAction::Start},
          {tr("A pull is one product"),
           tr("<p>Adaptive softmax treats every arm as an arm of a multi-armed bandit. A <b>pull</b> of "
              "arm i picks a column j and computes one product Aᵢⱼ·xⱼ. The mean of the pulled products, "
              "scaled by d, is an unbiased estimate of the logit.</p>"
              "<p>The replay now stands at the end of the warm-up: every arm has been pulled a little. The "
              "<i>Pulls per arm</i> view compares each arm's pulls with the exact cost d.</p>"
              "<p class='formula'>μ̂ᵢ = β·(d/t)·Σₛ Aᵢⱼₛ·xⱼₛ, &nbsp;&nbsp; E[μ̂ᵢ] = μᵢ</p>"),
           LessonAction::EndOfWarmup, std::nullopt, LessonView::Pulls},
          {tr("Pulls go where they matter"),
           tr("<p>The replay is playing (Space pauses, → steps). Arms that are clearly worse than the "
              "leader stop being pulled; the few contenders are pulled deeper and deeper.</p>"
              "<p>Watch the <i>Pulls per arm</i> view: most arms stay far below d, only the best ones come "
              "close to it.</p>"),
           LessonAction::Play, std::nullopt, LessonView::Pulls},
          {tr("The bill"),
           tr("<p>The run is over. The <i>Result</i> panel compares the pulls it used with the n·d "
              "products of exact softmax, and checks the answer against the exact one.</p>"
              "<p>The saving grows with d and with how clearly the best arm stands out, and the answer is "
              "still right with probability at least 1 − δ.</p>"
              "<p class='formula'>speedup = n·d / Σᵢ tᵢ</p>"),
           LessonAction::End, std::nullopt, LessonView::Result}},
         {},
         0});

    // 2. Confidence intervals and round-based elimination, with predictions.
    lessons.push_back(
        {tr("2 · Confidence intervals and elimination"),
         tr("Intervals around every estimate, and rounds that drop the arms that cannot win."),
         scenario("synthetic:random-mu?n=12&d=2000&m=5&seed=3"),
         {{tr("An interval for every arm"),
           tr("<p>After the warm-up every arm i has an estimate μ̂ᵢ and a confidence half-width Cᵢ: with "
              "high probability its true logit lies in μ̂ᵢ ± Cᵢ. The <i>Elimination</i> view draws these "
              "intervals; more pulls make them narrower, like 1/√tᵢ.</p>"
              "<p class='formula'>Cᵢ = √(2·vᵢ·L), &nbsp;&nbsp; vᵢ ≈ σᵢ² / tᵢ</p>"),
           LessonAction::EndOfWarmup},
          {tr("Predict the next elimination"),
           tr("<p>An arm is dropped when the upper end of its interval falls below the lower end of the "
              "leader's interval: it can no longer be the best.</p>"
              "<p><b>Which arm will the next round eliminate?</b> Pick one below; the replay then advances "
              "one round and tells you whether you were right. Repeat until the elimination is over.</p>"
              "<p class='formula'>drop i ⇔ μ̂ᵢ + Cᵢ &lt; maxⱼ (μ̂ⱼ − Cⱼ)</p>"),
           LessonAction::PredictRound},
          {tr("Why the rounds are cheap"),
           tr("<p>Each round pulls the survivors until their variance is half the previous target, so "
              "their intervals shrink by √2 per round. An arm far below the best is ruled out after a "
              "few cheap rounds; only arms close to the best need many pulls.</p>"
              "<p class='formula'>pulls for arm i ≈ σ²·L / Δᵢ², &nbsp;&nbsp; Δᵢ = μ* − μᵢ</p>"),
           LessonAction::End}},
         {},
         0});

    // 3. Why importance sampling and sampling without replacement shrink the variance.
    lessons.push_back(
        {tr("3 · Smaller variance, fewer pulls"),
         tr("Sampling without replacement and importance sampling, and the Variance lab."),
         // Spread-out means (random-mu): the elimination is easy, so the samplers decide the cost.
         scenario("synthetic:random-mu?n=40&d=4000&m=5&seed=1",
                  withSampler(Sampler::UniformWithReplacement, ImportanceWeights::None)),
         {{tr("Uniform, with replacement"),
           tr("<p>The plainest sampler picks every column uniformly at random and independently, so a "
              "column may come twice. The variance of the estimate is σᵢ²/t, where σᵢ² is the spread of "
              "the scaled products d·Aᵢⱼ·xⱼ over the columns.</p>"
              "<p>Note the total pulls in the <i>Result</i> panel.</p>"
              "<p class='formula'>Var μ̂ᵢ = σᵢ² / t</p>"),
           LessonAction::End, withSampler(Sampler::UniformWithReplacement, ImportanceWeights::None),
           LessonView::Result},
          {tr("Without replacement"),
           tr("<p>Drawing the columns without replacement never repeats one. After t of d columns the "
              "variance carries the finite-population correction; at t = d it is zero, because the "
              "estimate is then exact.</p>"
              "<p>Compare the total pulls with the previous step.</p>"
              "<p class='formula'>Var μ̂ᵢ = (σᵢ² / t)·(d − t) / (d − 1)</p>"),
           LessonAction::End, withSampler(Sampler::UniformWithoutReplacementFpc, ImportanceWeights::None),
           LessonView::Result},
          {tr("Importance sampling"),
           tr("<p>A few columns with large |Aᵢⱼ·xⱼ| dominate the sum. Sampling column j with "
              "probability qⱼ proportional to a weight (here the column norm of A times |xⱼ|) and "
              "dividing each product by qⱼ keeps the estimate unbiased, and the variance drops the more "
              "closely qⱼ follows |Aᵢⱼ·xⱼ|.</p>"
              "<p>The studio combines it with sampling without replacement (Gumbel top-k with the "
              "Horvitz–Thompson estimator). Compare the pulls again.</p>"
              "<p class='formula'>μ̂ᵢ = (1/t)·Σₛ Aᵢⱼₛ·xⱼₛ / qⱼₛ, &nbsp;&nbsp; qⱼ ∝ ‖A·ⱼ‖₁·|xⱼ|</p>"),
           LessonAction::End, withSampler(Sampler::ImportanceWithoutReplacement, ImportanceWeights::Both),
           LessonView::Result},
          {tr("See it in the Variance lab"),
           tr("<p>The <i>Variance lab</i> tab measures, on one row and one query, the mean squared error "
              "of each estimator against the sample size t, next to its predicted variance.</p>"
              "<p>On the log–log axes, uniform sampling with replacement falls like 1/t; without "
              "replacement it falls faster and reaches zero at t = d; importance sampling starts much "
              "lower.</p>"),
           LessonAction::VarianceLab}},
         {},
         0});

    // 4. The partition function in two stages.
    lessons.push_back(
        {tr("4 · The partition function in two stages"),
         tr("Estimating S = Σ exp(μᵢ): a rough first stage, then pulls where they matter."),
         scenario("synthetic:noisy?n=40&d=4000&m=20&seed=1"),
         {{tr("Why S is needed"),
           tr("<p>The probability of the winner is p* = exp(μ*) / S with S = Σᵢ exp(μᵢ). A relative "
              "error ε in p* needs log S to within about ε. Every arm contributes to S, but in proportion "
              "to exp(μᵢ): arms far below the top barely count.</p>"
              "<p class='formula'>p* = exp(μ* − log S), &nbsp;&nbsp; S = Σᵢ exp(μᵢ)</p>"),
           LessonAction::Start},
          {tr("Stage 1: a rough estimate"),
           tr("<p>The warm-up gives every arm a rough estimate μ̂ᵢ with its interval. From it the "
              "studio takes a cautious share of S for every arm, αᵢ = exp(μ̂ᵢ − Cᵢ). Arms with a large αᵢ "
              "matter; arms with a tiny αᵢ hardly change S.</p>"
              "<p class='formula'>αᵢ = exp(μ̂ᵢ − Cᵢ), &nbsp;&nbsp; Ŝ₁ = Σᵢ αᵢ</p>"),
           LessonAction::EndOfWarmup, std::nullopt, LessonView::Partition},
          {tr("Stage 2: pulls where S needs them"),
           tr("<p>Each arm gets a variance target Vᵢ: small for the arms that carry much of S, large for "
              "the rest. The <i>Partition function</i> view shows every arm's current variance against "
              "its target (dashed); an arm is pulled until it is below its target.</p>"
              "<p class='formula'>Vᵢ = min( ε·Σα / (16√2·log(6n/δ)·γᵢ·Σγ), ε²·Σα / (16·log(12/δ)·αᵢ) ), "
              "γᵢ = √αᵢ</p>"),
           LessonAction::PartitionStart, std::nullopt, LessonView::Partition},
          {tr("The estimate"),
           tr("<p>The running estimate log Ŝ ends inside the band log(1 ± ε) around the true log S. "
              "With the winner's logit it gives the probability the studio reports.</p>"
              "<p class='formula'>p̂* = exp(μ̂* − log Ŝ)</p>"),
           LessonAction::End, std::nullopt, LessonView::Partition}},
         {},
         0});

    // 5. ε and δ: the failure rate over many queries.
    Lesson five{tr("5 · ε and δ: how often is it wrong?"),
                tr("Run many queries and compare the empirical failure rate with δ."),
                scenario("synthetic:noisy?n=40&d=2000&m=120&seed=5"),
                {},
                {{0.2, 1.0}, {0.1, 1.0}, {0.05, 1.0}, {0.05, 0.0001}},
                120};
    five.steps
        = {{tr("One run, one verdict"),
            tr("<p>A run <b>succeeds</b> when it returns the true top-k and every p̂ is within a factor "
               "1 ± ε of the true p. ε is the accuracy you ask for; δ is the probability of failure you "
               "accept. The <i>Result</i> panel shows this run's verdict.</p>"
               "<p class='formula'>P( correct top-k ∧ |p̂ − p| ≤ ε·p ) ≥ 1 − δ</p>"),
            LessonAction::End, std::nullopt, LessonView::Result},
           {tr("Many runs"),
            tr("<p>The studio now runs %1 queries for every row of the table, on the worker thread, and "
               "counts the failures. The guarantee says the failure rate is at most δ; in practice it is "
               "usually far below, because the bounds are conservative.</p>")
                .arg(five.experimentQueries),
            LessonAction::ManyQueries},
           {tr("Cheating the constants"),
            tr("<p>The last row multiplies every variance by a fudge factor φ = 0.0001: the intervals become "
               "much narrower, the runs about ten times cheaper, and the failure rate climbs above δ. The "
               "guarantee no longer holds.</p>"
               "<p>The <i>Tune</i> button does this honestly: on held-out queries it picks the smallest φ "
               "whose failure rate stays below δ, as the paper does.</p>"),
            LessonAction::None}};
    lessons.push_back(std::move(five));
    return lessons;
}

} // namespace ada
