#include "ExplainerView.h"
#include "LocaleNumbers.h"

#include <QTextBrowser>
#include <QVBoxLayout>

#include <cmath>

namespace ada {

ExplainerView::ExplainerView(QWidget* parent)
    : QWidget(parent)
    , browser_(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("explainerView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(browser_);
    browser_->setAccessibleName(tr("Explanation of the current phase"));
}

void ExplainerView::setRun(RunDataPtr run)
{
    run_ = std::move(run);
    if (run_ && run_->steps() > 0)
        showStep(run_->steps() - 1);
}

QString ExplainerView::text() const
{
    return browser_->toPlainText();
}

void ExplainerView::showStep(int step)
{
    if (!run_ || step < 0 || step >= run_->steps())
        return;
    const Snapshot& s = run_->trace.snapshots[std::size_t(step)];
    const Config& c = run_->config;
    const double deltaPrime = run_->deltaPrime();
    const long long n = run_->arms, D = run_->effectiveDim;
    int contenders = 0;
    for (auto v : s.survivors)
        contenders += v != 0;
    QString title, body, formula;
    switch (s.phase) {
    case Phase::Warmup:
        title = tr("Warm-up");
        body = tr("Every one of the %1 arms samples the same prefix of a random column order until its "
                  "variance "
                  "estimate is below V₀, or it reaches the cap of %2 columns. A pull is one product Aᵢⱼ·xⱼ; "
                  "exact "
                  "softmax needs n·D = %3 of them.")
                   .arg(localeCount(n))
                   .arg(qMax<long long>(std::llround(std::floor(c.warmupCap * double(D))),
                                        qMin<long long>(D, 16)))
                   .arg(localeCount(n * D));
        formula = tr("V₀ = 1 / (17·log(6n/δ′)) = %1,  δ′ = %2")
                      .arg(localeNumber(1.0 / (17.0 * std::log(6.0 * n / deltaPrime)), 'g', 3))
                      .arg(localeNumber(deltaPrime));
        break;
    case Phase::Elimination:
        title = tr("Elimination, round %1").arg(s.round);
        body = tr("Each contender gets a confidence interval around its estimate. An arm whose upper end "
                  "falls below "
                  "the leader's lower end cannot be the best and is dropped; the survivors are sampled "
                  "deeper, to half "
                  "the previous variance target. %1 of %2 arms are still contending.")
                   .arg(localeCount(contenders))
                   .arg(localeCount(n));
        formula = tr("keep i ⇔ μ̂ᵢ + Cᵢ ≥ max_j (μ̂ⱼ − Cⱼ),  Cᵢ = √(2·vᵢ·L),\n"
                     "L = log(6·n·log D/δ′) = log(6·%1·log %2/%3) = %4")
                      .arg(n)
                      .arg(D)
                      .arg(localeNumber(deltaPrime))
                      .arg(localeNumber(run_->eliminationLogTerm(), 'f', 2));
        break;
    case Phase::Winner:
        title = tr("The winner's logit");
        body = c.exactWinner
            ? tr("The identified top-%1 arm(s) are computed exactly: D = %2 products each, so their "
                 "logits carry no sampling error.")
                  .arg(c.k)
                  .arg(localeCount(D))
            : tr("The identified top-%1 arm(s) are sampled until the logit's additive error is "
                 "small enough for p̂ to stay within 1 ± ε.")
                  .arg(c.k);
        formula = c.exactWinner ? tr("μ̂* = β·(A*·x + b*) exactly") : tr("pull until v* ≤ a²/(2·log(2/δ′))");
        break;
    case Phase::Partition:
        title = tr("Partition function, two stages");
        // Before the phase's first pulls there is no running estimate yet (NaN in the snapshot).
        body = std::isfinite(s.logPartition)
            ? tr("From the first-stage estimates, each arm gets a variance target: arms that carry much of "
                 "S = Σ exp(μᵢ) must be estimated precisely, arms far below the top barely matter. Arms "
                 "are pulled until they meet their targets; the running estimate is log Ŝ = %1 (true %2).")
                  .arg(localeNumber(s.logPartition, 'f', 4))
                  .arg(localeNumber(run_->trueLogPartition, 'f', 4))
            : tr("From the first-stage estimates, each arm gets a variance target: arms that carry much of "
                 "S = Σ exp(μᵢ) must be estimated precisely, arms far below the top barely matter. Arms "
                 "are pulled until they meet their targets; the running estimate of log Ŝ (true %1) "
                 "follows their first pulls.")
                  .arg(localeNumber(run_->trueLogPartition, 'f', 4));
        formula = tr("Vᵢ = min( ε·Σα / (16√2·log(6n/δ)·γᵢ·Σγ),  ε²·Σα / (16·log(12/δ)·αᵢ) ),  αᵢ = exp(μ̂ᵢ − "
                     "Cᵢ), γᵢ = √αᵢ");
        break;
    case Phase::Done: {
        const Result& r = run_->trace.result;
        title = tr("Done");
        const double fraction = double(r.totalPulls) / double(qMax<long long>(n * D, 1));
        body = tr("The run used %1 pulls, %2 % of exact softmax's n·D = %3 (a %4× saving), and returns the "
                  "top-%5 with "
                  "probabilities estimated as exp(estimate − log-partition estimate).")
                   .arg(localeCount(r.totalPulls))
                   .arg(localeNumber(100.0 * fraction, 'f', 2))
                   .arg(localeCount(n * D))
                   .arg(localeNumber(fraction > 0 ? 1.0 / fraction : 0.0, 'f', 1))
                   .arg(c.k);
        formula = tr("p̂ᵢ = exp(μ̂ᵢ − log Ŝ),  success ⇔ correct top-k ∧ |p̂ − p| ≤ ε·p");
        break;
    }
    }
    const double exact = double(qMax<long long>(n * D, 1));
    const QString progress = tr("Step %1 of %2 · %3 pulls so far (%4 % of n·D = %5) · n = %6 arms, D = %7, "
                                "ε = %8, δ = %9")
                                 .arg(step + 1)
                                 .arg(run_->steps())
                                 .arg(localeCount(s.totalPulls))
                                 .arg(localeNumber(100.0 * double(s.totalPulls) / exact, 'f', 2))
                                 .arg(localeCount(n * D))
                                 .arg(localeCount(n))
                                 .arg(localeCount(D))
                                 .arg(localeNumber(c.epsilon))
                                 .arg(localeNumber(c.delta));
    // The formula's box and the muted progress line take their colours from the palette, so the
    // text stays legible in the dark theme.
    const QString box = palette().color(QPalette::AlternateBase).name();
    const QString muted = palette().color(QPalette::PlaceholderText).name();
    browser_->setHtml(QStringLiteral("<h3>%1</h3><p>%2</p><p style='font-family:serif; font-size:large; "
                                     "background:%5; padding:6px'>%3</p><p style='color:%6'>%4</p>")
                          .arg(title.toHtmlEscaped(), body.toHtmlEscaped(),
                               formula.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")),
                               progress.toHtmlEscaped(), box, muted));
}

} // namespace ada
