// One visual language for every plot: colours per phase and per arm state, fonts, a light theme
// for export (DESIGN.md "Views").
#pragma once

#include "core/Result.h"

#include <QColor>
#include <QStringList>

class QCustomPlot;
class QCPAxis;
class QCPTextElement;
class QFont;
class QWidget;

namespace ada {

struct PlotStyle {
    static QColor survivor() { return QColor(31, 119, 180); }
    static QColor eliminated() { return QColor(170, 170, 170); }
    static QColor leader() { return QColor(214, 39, 40); }
    static QColor truth() { return QColor(44, 160, 44); }
    static QColor band() { return QColor(31, 119, 180, 40); }
    static QColor phase(Phase p);
};

// The phase's name as the views show it ("warm-up", "elimination", …), translated.
QString phaseName(Phase phase);

// Applies fonts, grid and margins shared by all plots; plots stay white (they export as drawn).
void applyPlotStyle(QCustomPlot* plot);

// Fills `view` with `plot` (no margins), styles it and adds a bold title row; returns the title.
QCPTextElement* installTitledPlot(QWidget* view, QCustomPlot* plot, const QString& title);

// Sets the title row of a plot made by installTitledPlot. A title wider than the plot breaks into
// lines at its " · " separators (again whenever the plot is resized) instead of being clipped at
// both ends in a narrow dock.
void setPlotTitle(QCustomPlot* plot, const QString& title);

// Lays out a legend that sits in row `legendRow` of the plot's own layout (filled columns first) in
// as many columns as fit the plot's width, at most `maxColumns`, and takes it out of the layout where
// the plot would keep less than kLegendMinimumDataHeight pixels for its data. Call it before each
// replot: in a narrow dock a single row of entries had each entry's text cut off, and in a short one
// legend and title overlapped.
void fitLegendColumns(QCustomPlot* plot, int maxColumns, int legendRow);
inline constexpr int kLegendMinimumDataHeight = 60;

// The first of `forms` (longest first; lines split at '\n') whose widest line fits `room` pixels in
// `font`; the last form if none does. For labels and notes that would be clipped in a narrow dock.
QString firstFormThatFits(const QStringList& forms, const QFont& font, int room);

// Sets the tick count of a horizontal axis's ticker to the largest, up to `most`, whose labels (as
// the ticker would place them over the axis's range and present width) keep `gap` pixels between
// neighbours. Call it before each replot: a range within one decade gets linear steps from the
// log ticker, 0.0005, 0.001, 0.0015, …, which ran into each other in a narrow dock.
void fitTickCount(QCPAxis* axis, int most = 5, int gap = 8);

} // namespace ada
