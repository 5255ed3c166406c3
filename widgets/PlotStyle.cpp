#include "PlotStyle.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFontMetrics>
#include <QStringList>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <limits>
#include <utility>
#include <vector>

namespace ada {

QColor PlotStyle::phase(Phase p)
{
    switch (p) {
    case Phase::Warmup: return QColor(148, 103, 189);
    case Phase::Elimination: return QColor(31, 119, 180);
    case Phase::Winner: return QColor(214, 39, 40);
    case Phase::Partition: return QColor(255, 127, 14);
    case Phase::Done: return QColor(44, 160, 44);
    }
    return Qt::black;
}

QString phaseName(Phase phase)
{
    switch (phase) {
    case Phase::Warmup: return QCoreApplication::translate("ada::PlotStyle", "warm-up");
    case Phase::Elimination: return QCoreApplication::translate("ada::PlotStyle", "elimination");
    case Phase::Winner: return QCoreApplication::translate("ada::PlotStyle", "winner");
    case Phase::Partition: return QCoreApplication::translate("ada::PlotStyle", "partition");
    case Phase::Done: return QCoreApplication::translate("ada::PlotStyle", "done");
    }
    return {};
}

void applyPlotStyle(QCustomPlot* plot)
{
    plot->setBackground(Qt::white);
    plot->setAntialiasedElements(QCP::aeNone); // fast replots for large n; text stays antialiased
    plot->setNotAntialiasedElements(QCP::aeAll);
    plot->setAntialiasedElement(QCP::aeLegend, true);
    QFont small = plot->font();
    small.setPointSizeF(8.5);
    for (QCPAxis* axis : plot->axisRect()->axes()) {
        axis->setTickLabelFont(small);
        axis->setLabelFont(small);
        axis->grid()->setPen(QPen(QColor(225, 225, 225), 0, Qt::DotLine));
    }
    plot->legend->setFont(small);
    plot->legend->setBrush(QColor(255, 255, 255, 210));
    plot->legend->setBorderPen(QPen(QColor(200, 200, 200)));
    plot->setMinimumSize(160, 120);
    // Fewer ticks on a narrow or short axis rect (a plot in a narrow dock), so that the tick labels
    // do not run into each other; QCustomPlot's default of about five is kept where there is room.
    // Before each replot the rects have the previous layout's size, which the replot then keeps.
    QObject::connect(plot, &QCustomPlot::beforeReplot, plot, [plot] {
        for (QCPAxisRect* rect : plot->axisRects())
            for (QCPAxis* axis : rect->axes()) {
                const int room
                    = axis->orientation() == Qt::Horizontal ? rect->width() / 70 : rect->height() / 35;
                axis->ticker()->setTickCount(std::clamp(room, 2, 5));
            }
    });
}

namespace {

constexpr const char* kFullTitle = "adaFullTitle"; // the title as set, before any line breaks

// `text` broken into lines at `separator` so that each fits `width`; a part wider than that keeps a
// line of its own. A kept separator (a hyphen) ends the line it breaks.
QStringList breakAt(const QString& text, const QString& separator, const QFontMetrics& metrics, int width,
                    bool keepSeparator = false)
{
    QStringList lines;
    QString line;
    for (const QString& part : text.split(separator)) {
        const QString longer = line.isEmpty() ? part : line + separator + part;
        if (!line.isEmpty() && metrics.horizontalAdvance(longer) > width) {
            lines << (keepSeparator ? line + separator : line);
            line = part;
        } else {
            line = longer;
        }
    }
    return lines << line;
}

// The title's text broken into lines at " · " so that each fits the plot's width, and a part still
// wider than the plot (a longer language's wording, a narrow dock) at its spaces and hyphens.
void fitTitle(QCustomPlot* plot, QCPTextElement* title)
{
    const QString text = title->property(kFullTitle).toString();
    const QFontMetrics metrics(title->font());
    const int width = plot->width() - 12;
    QString fitted = text;
    if (metrics.horizontalAdvance(text) > width && width > 0) {
        // At " · " first, then at spaces, then after hyphens (German compounds).
        QStringList lines{text};
        for (const auto& [separator, keep] :
             {std::pair{QStringLiteral(" · "), false}, std::pair{QStringLiteral(" "), false},
              std::pair{QStringLiteral("-"), true}}) {
            QStringList finer;
            for (const QString& line : lines)
                finer << (metrics.horizontalAdvance(line) > width
                              ? breakAt(line, separator, metrics, width, keep)
                              : QStringList{line});
            lines = finer;
        }
        fitted = lines.join(QLatin1Char('\n'));
    }
    if (fitted != title->text())
        title->setText(fitted);
}

// Refits the title before the plot lays itself out at a new size (an event filter runs before the
// plot's own resize handling, which replots).
class TitleFitter : public QObject {
public:
    TitleFitter(QCustomPlot* plot, QCPTextElement* title)
        : QObject(plot)
        , plot_(plot)
        , title_(title)
    {
        plot->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == plot_ && event->type() == QEvent::Resize)
            fitTitle(plot_, title_);
        return false;
    }

private:
    QCustomPlot* plot_;
    QCPTextElement* title_;
};

QCPTextElement* titleOf(QCustomPlot* plot)
{
    return static_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0));
}

} // namespace

QCPTextElement* installTitledPlot(QWidget* view, QCustomPlot* plot, const QString& title)
{
    auto* layout = new QVBoxLayout(view);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot, 1);
    applyPlotStyle(plot);
    plot->plotLayout()->insertRow(0);
    auto* element = new QCPTextElement(plot, title, QFont(view->font().family(), 10, QFont::Bold));
    element->setProperty(kFullTitle, title);
    plot->plotLayout()->addElement(0, 0, element);
    new TitleFitter(plot, element); // owned by the plot
    return element;
}

void setPlotTitle(QCustomPlot* plot, const QString& title)
{
    QCPTextElement* element = titleOf(plot);
    element->setProperty(kFullTitle, title);
    fitTitle(plot, element);
}

void fitLegendColumns(QCustomPlot* plot, int maxColumns, int legendRow)
{
    QCPLegend* legend = plot->legend;
    std::vector<int> widths;                      // of the entries, in order
    for (int i = 0; i < legend->itemCount(); ++i) // counts cells, and a wrapped grid has empty ones
        if (const QCPAbstractLegendItem* item = legend->item(i))
            widths.push_back(item->minimumOuterSizeHint().width());
    const int n = static_cast<int>(widths.size());
    if (n == 0)
        return;
    const int room = plot->width() - legend->margins().left() - legend->margins().right();
    // Filled columns first, entry i sits in column i mod c; a column is as wide as its widest entry.
    auto fits = [&](int c) {
        std::vector<int> column(std::size_t(c), 0);
        for (int i = 0; i < n; ++i)
            column[std::size_t(i % c)] = std::max(column[std::size_t(i % c)], widths[std::size_t(i)]);
        int total = legend->columnSpacing() * (c - 1);
        for (int w : column)
            total += w;
        return total <= room;
    };
    const int most = std::clamp(maxColumns, 1, n);
    int columns = most;
    while (columns > 1 && !fits(columns))
        --columns;
    // Wrapped for want of room, rows as full as each other: four entries as 2 + 2, not 3 + 1.
    if (columns < most) {
        const int rows = (n + columns - 1) / columns;
        columns = (n + rows - 1) / rows;
    }
    if (legend->wrap() != columns) {
        legend->setWrap(columns);
        legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true); // re-flow the entries
    }
    // In a plot too short for its legend rows and a readable data area (a dock on a 720-pixel
    // screen), the legend gives way: title, legend and axes were drawn over each other. It leaves the
    // layout (an invisible element would keep its row), and comes back to its row when there is room.
    QCPLayoutGrid* layout = plot->plotLayout();
    int fixed = legend->minimumOuterSizeHint().height();
    for (int i = 0; i < layout->elementCount(); ++i) {
        QCPLayoutElement* element = layout->elementAt(i);
        if (auto* rect = qobject_cast<QCPAxisRect*>(element))
            fixed += rect->margins().top() + rect->margins().bottom();
        else if (element && element != legend)
            fixed += element->minimumOuterSizeHint().height();
    }
    const bool tallEnough = plot->height() - fixed >= kLegendMinimumDataHeight;
    const bool inLayout = legend->layout() == layout;
    if (tallEnough && !inLayout) {
        layout->insertRow(legendRow);
        layout->addElement(legendRow, 0, legend);
        layout->setRowStretchFactor(legendRow, 0.001); // as tall as its entries, no more
    } else if (!tallEnough && inLayout) {
        layout->take(legend);
        layout->simplify(); // drops the emptied row
    }
    legend->setVisible(tallEnough);
}

void fitTickCount(QCPAxis* axis, int most, int gap)
{
    const QSharedPointer<QCPAxisTicker> ticker = axis->ticker();
    const QFontMetrics metrics(axis->tickLabelFont());
    const QString format = axis->numberFormat();
    for (int count = most; count >= 1; --count) {
        ticker->setTickCount(count);
        QVector<double> ticks;
        QVector<QString> labels;
        ticker->generate(axis->range(), axis->parentPlot()->locale(),
                         format.isEmpty() ? QChar('g') : format.at(0), axis->numberPrecision(), ticks,
                         nullptr, &labels);
        bool apart = true;
        double previousRight = -std::numeric_limits<double>::infinity();
        for (int t = 0; t < ticks.size() && t < labels.size() && apart; ++t) {
            if (!axis->range().contains(ticks[t]))
                continue; // not drawn
            const double x = axis->coordToPixel(ticks[t]);
            const double half = metrics.horizontalAdvance(labels[t]) / 2.0;
            apart = x - half >= previousRight + gap;
            previousRight = x + half;
        }
        if (apart)
            return;
    }
}

QString firstFormThatFits(const QStringList& forms, const QFont& font, int room)
{
    const QFontMetrics metrics(font);
    for (const QString& form : forms) {
        int widest = 0;
        for (const QString& line : form.split(QLatin1Char('\n')))
            widest = std::max(widest, metrics.horizontalAdvance(line));
        if (widest <= room)
            return form;
    }
    return forms.isEmpty() ? QString() : forms.back();
}

} // namespace ada
