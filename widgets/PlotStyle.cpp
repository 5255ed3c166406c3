#include "PlotStyle.h"

#include <QCoreApplication>
#include <QVBoxLayout>
#include <qcustomplot.h>

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
}

QCPTextElement* installTitledPlot(QWidget* view, QCustomPlot* plot, const QString& title)
{
    auto* layout = new QVBoxLayout(view);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot, 1);
    applyPlotStyle(plot);
    plot->plotLayout()->insertRow(0);
    auto* element = new QCPTextElement(plot, title, QFont(view->font().family(), 10, QFont::Bold));
    plot->plotLayout()->addElement(0, 0, element);
    return element;
}

} // namespace ada
