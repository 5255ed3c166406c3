#include "SpeedupReportView.h"

#include "LocaleNumbers.h"
#include "PlotStyle.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace ada {

namespace {

QColor methodColour(const std::string& method)
{
    if (method == "adaptive")
        return QColor(31, 119, 180);
    if (method == "exact")
        return QColor(44, 160, 44);
    if (method == "svd")
        return QColor(255, 127, 14);
    return QColor(148, 103, 189); // hsm
}

QColor deltaColour(std::size_t i)
{
    static const QColor palette[] = {QColor(31, 119, 180),  QColor(214, 39, 40), QColor(44, 160, 44),
                                     QColor(148, 103, 189), QColor(140, 86, 75), QColor(127, 127, 127)};
    return palette[i % (sizeof(palette) / sizeof(palette[0]))];
}

QString percentText(double fraction)
{
    return QStringLiteral("%1 %").arg(localeNumber(100.0 * fraction, 'f', 1));
}

QString deltaText(double delta)
{
    return delta > 0 ? QStringLiteral("%1 %").arg(localeNumber(100.0 * delta, 'g', 3)) : QStringLiteral("—");
}

QString secondsText(double s)
{
    if (s >= 1.0)
        return QStringLiteral("%1 s").arg(localeNumber(s, 'f', 3));
    if (s >= 1e-3)
        return QStringLiteral("%1 ms").arg(localeNumber(s * 1e3, 'f', 3));
    return QStringLiteral("%1 µs").arg(localeNumber(s * 1e6, 'f', 2));
}

QWidget* titled(QCustomPlot* plot, const QString& title)
{
    auto* box = new QWidget;
    installTitledPlot(box, plot, title);
    return box;
}

} // namespace

SpeedupReportView::SpeedupReportView(QWidget* parent)
    : QWidget(parent)
    , table_(new QTableWidget(this))
    , notes_(new QLabel(this))
    , speedup_(new QCustomPlot)
    , pulls_(new QCustomPlot)
    , cost_(new QCustomPlot)
{
    setObjectName(QStringLiteral("speedupReportView"));
    table_->setObjectName(QStringLiteral("speedupTable"));
    table_->setColumnCount(10);
    table_->setHorizontalHeaderLabels({tr("method"), tr("δ"), tr("parameters"), tr("speedup (samples, n·D)"),
                                       tr("speedup (samples, n·d)"), tr("speedup (time)"),
                                       tr("success rate [95 % CI]"), tr("cost / query"), tr("time / query"),
                                       tr("meets 1 − δ")});
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->setVisible(false);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->setAlternatingRowColors(true);
    notes_->setWordWrap(true);
    notes_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* plots = new QHBoxLayout;
    plots->addWidget(titled(speedup_, tr("Sample speedup against δ")), 1);
    plots->addWidget(titled(pulls_, tr("Pulls per query")), 1);
    plots->addWidget(titled(cost_, tr("Success against cost")), 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(table_, 2);
    layout->addWidget(notes_);
    layout->addLayout(plots, 3);

    speedup_->xAxis->setLabel(tr("δ (%)"));
    speedup_->yAxis->setLabel(tr("speedup (×)"));
    pulls_->xAxis->setLabel(tr("pulls / (n·D) per query"));
    pulls_->yAxis->setLabel(tr("queries"));
    cost_->xAxis->setLabel(tr("mean cost / (n·D)"));
    cost_->yAxis->setLabel(tr("success rate"));
    // Each legend in a row of its own under the axes: inside them it hides data on a narrow plot.
    for (QCustomPlot* p : {speedup_, pulls_, cost_}) {
        p->legend->setVisible(true);
        p->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
        // Two entries a line (one for the speedup plot's long labels): the plots share one row.
        p->legend->setWrap(p == speedup_ ? 1 : 2);
        QFont small = p->legend->font();
        small.setPointSizeF(small.pointSizeF() * 0.9);
        p->legend->setFont(small);
        p->legend->setBorderPen(Qt::NoPen);
        auto* row = new QCPLayoutGrid;
        p->plotLayout()->addElement(p->plotLayout()->rowCount(), 0, row);
        row->setMargins(QMargins(4, 0, 4, 4));
        row->addElement(0, 0, p->legend);
        p->plotLayout()->setRowStretchFactor(p->plotLayout()->rowCount() - 1, 0.001);
    }
}

double SpeedupReportView::sampleSpeedupHalfWidth(const ReportRow& row)
{
    const std::size_t m = row.perQuery.size();
    if (m < 2)
        return 0.0;
    double mean = 0.0;
    std::vector<double> f;
    for (const ReportQuery& q : row.perQuery) {
        f.push_back(q.exactCost > 0 ? double(q.cost) / double(q.exactCost) : 0.0);
        mean += f.back();
    }
    mean /= double(m);
    if (mean <= 0.0)
        return 0.0;
    double var = 0.0;
    for (double v : f)
        var += (v - mean) * (v - mean);
    var /= double(m - 1);
    return 1.96 * std::sqrt(var / double(m)) / (mean * mean);
}

void SpeedupReportView::setReport(std::shared_ptr<const SpeedupReport> report)
{
    report_ = std::move(report);
    fillTable();
    plotSpeedup();
    plotPulls();
    plotCost();
}

QString SpeedupReportView::noteText(const ReportNote& note) const
{
    // Core's English sentence (note.text) said again in the studio's language, with its numbers.
    auto value
        = [&note](std::size_t i) { return i < note.values.size() ? localeCount(note.values[i]) : QString(); };
    switch (note.kind) {
    case ReportNote::Kind::SvdCannotWin:
        return tr("SVD-softmax cannot beat exact softmax on this head: n = %1 ≤ d = %2, so the transform Vᵀx "
                  "alone costs r·d = n·d multiplications (§11.1).")
            .arg(value(0), value(1));
    case ReportNote::Kind::HsmSkipped:
        return tr("hierarchical softmax skipped: it is fitted on the tuning queries and there are none.");
    case ReportNote::Kind::HsmFewFitQueries:
        return tr("hierarchical softmax fitted on only %1 queries (the tuning queries), fewer than d = %2: "
                  "each node's regression is L2-penalised in a rank-%3 subspace of them; more fitting "
                  "queries would help it (§11.3 asks for many).")
            .arg(value(0), value(1), value(2));
    }
    return QString::fromStdString(note.text);
}

QString SpeedupReportView::paramsText(const ReportRow& row) const
{
    // The keys runSpeedupReport writes (core's formatParams renders them for the CLI, in English).
    QStringList parts;
    for (const auto& [key, value] : row.params) {
        const QString count = localeCount(std::llround(value));
        if (key == "fudge_best")
            parts << QStringLiteral("φ_b=%1").arg(localeNumber(value, 'g', 3));
        else if (key == "fudge_log")
            parts << QStringLiteral("φ_ℓ=%1").arg(localeNumber(value, 'g', 3));
        else if (key == "tune_queries")
            parts << tr("tuned on %1").arg(count);
        else if (key == "fit_queries")
            parts << tr("fitted on %1").arg(count);
        else if (key == "fit_seconds")
            parts << tr("fit %1").arg(secondsText(value));
        else if (key == "svd_seconds")
            parts << (value > 0 ? tr("SVD %1").arg(secondsText(value)) : tr("SVD cached"));
        else if (key == "fit_rank")
            parts << tr("rank %1").arg(count);
        else if (key == "rank")
            parts << QStringLiteral("r=%1").arg(count);
        else
            parts << QStringLiteral("%1=%2").arg(QString::fromStdString(key),
                                                 value == std::round(value) ? count
                                                                            : localeNumber(value, 'g', 3));
    }
    return parts.join(localeListSeparator());
}

void SpeedupReportView::fillTable()
{
    table_->setRowCount(0);
    notes_->clear();
    if (!report_)
        return;
    QStringList notes;
    for (const ReportNote& note : report_->notes)
        notes << QStringLiteral("• ") + noteText(note);
    notes_->setText(notes.join(u'\n'));
    table_->setRowCount(static_cast<int>(report_->rows.size()));
    for (int r = 0; r < table_->rowCount(); ++r) {
        const ReportRow& row = report_->rows[std::size_t(r)];
        const bool miss = !row.meets(targetDelta(*report_, row));
        QString meets;
        if (row.delta > 0) {
            meets = miss ? tr("NO ✗") : tr("yes");
        } else {
            QStringList met;
            for (double d : report_->deltas)
                if (row.meets(d))
                    met << deltaText(d);
            meets = met.isEmpty() ? tr("none ✗") : met.join(localeListSeparator());
        }
        const QStringList cells{
            QString::fromStdString(row.method),
            deltaText(row.delta),
            paramsText(row),
            QStringLiteral("%1×").arg(localeNumber(row.sampleSpeedup, 'g', 3)),
            QStringLiteral("%1×").arg(localeNumber(row.sampleSpeedupD, 'g', 3)),
            QStringLiteral("%1×").arg(localeNumber(row.timeSpeedup, 'g', 3)),
            QStringLiteral("%1 %2")
                .arg(percentText(row.successRate))
                .arg(localeInterval(100.0 * row.successCi.first, 100.0 * row.successCi.second, 'f', 1)),
            localeCount(std::llround(row.costPerQuery)),
            secondsText(row.secondsPerQuery),
            meets,
        };
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (c >= 3 && c <= 8)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (miss && (c == 6 || c == 9)) { // shown plainly: bold dark red
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
                item->setForeground(QColor(180, 0, 0));
            }
            table_->setItem(r, c, item);
        }
    }
}

void SpeedupReportView::plotSpeedup()
{
    speedup_->clearPlottables();
    speedup_->clearItems();
    if (!report_)
        return speedup_->replot();
    QVector<double> x, sample, err, time;
    for (const ReportRow& row : report_->rows) {
        if (row.method != "adaptive")
            continue;
        x << 100.0 * row.delta;
        sample << row.sampleSpeedup;
        err << sampleSpeedupHalfWidth(row);
        time << row.timeSpeedup;
    }
    QCPGraph* s = speedup_->addGraph();
    s->setName(tr("samples (n·D), 95 % bars"));
    s->setPen(QPen(methodColour("adaptive"), 2));
    s->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
    s->setData(x, sample);
    auto* bars = new QCPErrorBars(speedup_->xAxis, speedup_->yAxis);
    bars->removeFromLegend();
    bars->setDataPlottable(s);
    bars->setData(err);
    bars->setPen(QPen(methodColour("adaptive"), 1.5));
    QCPGraph* t = speedup_->addGraph();
    t->setName(tr("wall-clock"));
    t->setPen(QPen(QColor(214, 39, 40), 2, Qt::DashLine));
    t->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, 6));
    t->setData(x, time);
    auto* one = new QCPItemStraightLine(speedup_);
    one->point1->setCoords(0, 1);
    one->point2->setCoords(1, 1);
    one->setPen(QPen(methodColour("exact"), 1, Qt::DotLine));
    speedup_->rescaleAxes();
    const QCPRange xr = speedup_->xAxis->range();
    speedup_->xAxis->setRange(xr.lower - 0.1 * xr.size() - 0.5, xr.upper + 0.1 * xr.size() + 0.5);
    double hi = 1.0;
    for (int i = 0; i < sample.size(); ++i)
        hi = std::max({hi, sample[i] + err[i], time[i]});
    speedup_->yAxis->setRange(0.0, 1.1 * hi);
    speedup_->replot();
}

void SpeedupReportView::plotPulls()
{
    pulls_->clearPlottables();
    if (!report_)
        return pulls_->replot();
    constexpr int kBins = 25;
    // Bins over the range the fractions actually take (widened when every query costs the same).
    double bottom = 1e300, top = 0.0;
    for (const ReportRow& row : report_->rows)
        if (row.method == "adaptive")
            for (const ReportQuery& q : row.perQuery) {
                const double f = q.exactCost > 0 ? double(q.cost) / double(q.exactCost) : 0.0;
                bottom = std::min(bottom, f);
                top = std::max(top, f);
            }
    if (bottom > top)
        bottom = 0.0, top = 1.0;
    const double pad = std::max(0.05 * (top - bottom), 0.05 * top + 1e-6);
    bottom = std::max(0.0, bottom - pad);
    top += pad;
    const double width = (top - bottom) / kBins;
    std::size_t index = 0;
    double highest = 0.0;
    for (const ReportRow& row : report_->rows) {
        if (row.method != "adaptive")
            continue;
        QVector<double> x(kBins), y(kBins, 0.0);
        for (int b = 0; b < kBins; ++b)
            x[b] = bottom + (b + 0.5) * width;
        for (const ReportQuery& q : row.perQuery) {
            const double f = q.exactCost > 0 ? double(q.cost) / double(q.exactCost) : 0.0;
            y[std::clamp(static_cast<int>((f - bottom) / width), 0, kBins - 1)] += 1.0;
        }
        for (double v : y)
            highest = std::max(highest, v);
        QCPGraph* g = pulls_->addGraph();
        g->setName(tr("δ = %1").arg(deltaText(row.delta)));
        g->setLineStyle(QCPGraph::lsStepCenter);
        g->setPen(QPen(deltaColour(index++), 2));
        g->setData(x, y, true);
    }
    pulls_->xAxis->setRange(bottom, top);
    pulls_->yAxis->setRange(0.0, std::max(1.0, highest * 1.1));
    pulls_->replot();
}

void SpeedupReportView::plotCost()
{
    cost_->clearPlottables();
    cost_->clearItems();
    if (!report_)
        return cost_->replot();
    double right = 0.0;
    for (const char* method : {"adaptive", "exact", "svd", "hsm"}) {
        QVector<double> x, y, lo, hi;
        for (const ReportRow& row : report_->rows) {
            if (row.method != method)
                continue;
            x << (row.sampleSpeedup > 0 ? 1.0 / row.sampleSpeedup : 0.0);
            y << row.successRate;
            lo << row.successRate - row.successCi.first;
            hi << row.successCi.second - row.successRate;
            right = std::max(right, x.back());
        }
        if (x.isEmpty())
            continue;
        QCPGraph* g = cost_->addGraph();
        g->setName(QString::fromLatin1(method));
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, methodColour(method), 7));
        g->setData(x, y);
        auto* bars = new QCPErrorBars(cost_->xAxis, cost_->yAxis);
        bars->removeFromLegend();
        bars->setDataPlottable(g);
        bars->setData(lo, hi);
        bars->setPen(QPen(methodColour(method), 1));
    }
    for (std::size_t i = 0; i < report_->deltas.size(); ++i) { // the targets 1 − δ
        auto* line = new QCPItemStraightLine(cost_);
        line->point1->setCoords(0, 1.0 - report_->deltas[i]);
        line->point2->setCoords(1, 1.0 - report_->deltas[i]);
        line->setPen(QPen(QColor(160, 160, 160), 1, Qt::DashLine));
    }
    cost_->xAxis->setRange(0.0, std::max(1.0, right) * 1.08);
    cost_->yAxis->setRange(0.0, 1.05);
    cost_->replot();
}

} // namespace ada
