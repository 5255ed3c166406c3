#include "ResultSummaryView.h"

#include "LocaleNumbers.h"
#include "core/Evaluation.h"

#include <QTextBrowser>
#include <QVBoxLayout>

#include <cmath>

namespace ada {

ResultSummaryView::ResultSummaryView(QWidget* parent)
    : QWidget(parent)
    , browser_(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("resultSummaryView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(browser_);
    browser_->setAccessibleName(tr("Result summary"));
}

QString ResultSummaryView::text() const
{
    return browser_->toPlainText();
}

void ResultSummaryView::setRun(RunDataPtr run)
{
    run_ = std::move(run);
    if (!run_) {
        browser_->clear();
        return;
    }
    const Result& r = run_->trace.result;
    success_ = run_->trace.complete
        && isSuccess(r, run_->trueLogits, run_->trueLogPartition, run_->config.epsilon);
    const double exact = double(r.exactPulls());
    const double eps = run_->config.epsilon;
    QString rows;
    for (std::size_t i = 0; i < r.topK.size() && i < r.probabilities.size(); ++i) {
        const int arm = r.topK[i];
        const double truth = arm < run_->trueLogits.size() ? run_->trueLogits[arm] : 0.0;
        const double p = std::exp(truth - run_->trueLogPartition);
        const double rel = (r.probabilities[i] - p) / p;
        const auto trueRank = (run_->trueLogits.array() > truth).count() + 1;
        // A number never breaks inside (a narrow dock wrapped 0.05399 after its decimal mark).
        rows += QStringLiteral(
                    "<tr><td align=right>%1</td><td>%2</td><td align=right>%3</td>"
                    "<td align=right style='white-space:nowrap'>%4</td><td align=right "
                    "style='white-space:nowrap'>%5</td>"
                    "<td align=right style='white-space:nowrap'>%6 %</td><td align=center>%7</td></tr>")
                    .arg(i + 1)
                    .arg(run_->armName(arm).toHtmlEscaped())
                    .arg(trueRank)
                    .arg(localeNumber(r.probabilities[i], 'g', 4))
                    .arg(localeNumber(p, 'g', 4))
                    .arg(localeNumber(100.0 * rel, 'f', 2))
                    .arg(std::abs(rel) <= eps ? QStringLiteral("✓") : QStringLiteral("✗"));
    }
    const QString verdict = success_
        ? tr("<span style='color:#2ca02c; font-size:large'><b>✓ success</b></span>")
        : tr("<span style='color:#d62728; font-size:large'><b>✗ failure</b></span>");
    const QString criteria = tr("correct top-%1 and every p̂ within 1 ± ε").arg(run_->config.k);
    browser_->setHtml(
        tr("<p>%1 &nbsp;<span style='color:#666'>(%2)</span><br>%3, query %4</p>"
           "<table cellspacing=0 cellpadding=3 border=1 style='border-collapse:collapse'>"
           "<tr><th>#</th><th>arm</th><th>true rank</th><th>p̂</th><th>p</th><th>p̂/p − 1</th><th>≤ ε</th></tr>"
           "%5</table>"
           "<table cellspacing=0 cellpadding=2 style='margin-top:6px'>"
           "<tr><td>log Ŝ</td><td align=right>%6</td><td>&nbsp;vs log S</td><td align=right>%7</td>"
           "<td>&nbsp;(Ŝ/S − 1 = %8 %)</td></tr>"
           "<tr><td>pulls</td><td align=right>%9</td><td>&nbsp;vs n·D</td><td align=right>%10</td>"
           "<td>&nbsp;(%11 %, speedup <b>%12×</b>)</td></tr></table>"
           "<p style='color:#666'>ε = %13, δ = %14, preset %15, sampler %16</p>")
            .arg(verdict, criteria.toHtmlEscaped(), run_->datasetName.toHtmlEscaped())
            .arg(run_->queryIndex)
            .arg(rows)
            .arg(localeNumber(r.logPartition, 'f', 4))
            .arg(localeNumber(run_->trueLogPartition, 'f', 4))
            .arg(localeNumber(100.0 * std::expm1(r.logPartition - run_->trueLogPartition), 'f', 2))
            .arg(localeCount(r.totalPulls))
            .arg(localeCount(qint64(exact)))
            .arg(localeNumber(exact > 0 ? 100.0 * double(r.totalPulls) / exact : 0.0, 'f', 2))
            .arg(localeNumber(r.totalPulls > 0 ? exact / double(r.totalPulls) : 0.0, 'f', 2))
            .arg(localeNumber(eps))
            .arg(localeNumber(run_->config.delta))
            .arg(QString::fromUtf8(toString(run_->config.preset).data()),
                 QString::fromUtf8(toString(run_->config.sampler).data())));
}

void ResultSummaryView::showStep(int step)
{
    (void)step;
} // the summary is of the finished run

} // namespace ada
