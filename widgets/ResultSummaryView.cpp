#include "ResultSummaryView.h"

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
    QString rows;
    for (std::size_t i = 0; i < r.topK.size(); ++i) {
        const int arm = r.topK[i];
        const double p = std::exp(run_->trueLogits[arm] - run_->trueLogPartition);
        rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td align=right>%3</td><td align=right>%4</td>"
                               "<td align=right>%5 %</td></tr>")
                    .arg(i + 1)
                    .arg(run_->armName(arm).toHtmlEscaped())
                    .arg(r.probabilities[i], 0, 'g', 4)
                    .arg(p, 0, 'g', 4)
                    .arg(100.0 * (r.probabilities[i] - p) / p, 0, 'f', 2);
    }
    const QString verdict = success_ ? tr("<span style='color:#2ca02c'>✓ success</span>")
                                     : tr("<span style='color:#d62728'>✗ failure</span>");
    browser_->setHtml(tr("<p><b>%1</b> — %2, query %3</p>"
                         "<table cellspacing=0 cellpadding=3 border=1 style='border-collapse:collapse'>"
                         "<tr><th>rank</th><th>arm</th><th>p̂</th><th>p</th><th>error</th></tr>%4</table>"
                         "<p>log Ŝ = %5 &nbsp; (log S = %6)<br>pulls: %7 of n·D = %8 &nbsp; speedup %9×<br>"
                         "ε = %10, δ = %11, preset %12, sampler %13</p>")
                          .arg(verdict, run_->datasetName.toHtmlEscaped())
                          .arg(run_->queryIndex)
                          .arg(rows)
                          .arg(r.logPartition, 0, 'f', 4)
                          .arg(run_->trueLogPartition, 0, 'f', 4)
                          .arg(r.totalPulls)
                          .arg(qint64(exact))
                          .arg(r.totalPulls > 0 ? exact / double(r.totalPulls) : 0.0, 0, 'f', 2)
                          .arg(run_->config.epsilon)
                          .arg(run_->config.delta)
                          .arg(QString::fromUtf8(toString(run_->config.preset).data()),
                               QString::fromUtf8(toString(run_->config.sampler).data())));
}

void ResultSummaryView::showStep(int step)
{
    (void)step;
} // the summary is of the finished run

} // namespace ada
