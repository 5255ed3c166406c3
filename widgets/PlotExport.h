// Exporting a plot to PNG, PDF or SVG (chosen by the file's suffix), always in the light theme.
#pragma once

#include <QString>

class QCustomPlot;

namespace ada {

// Returns false and sets `error` (naming the file) when the format is unknown or writing fails.
bool exportPlot(QCustomPlot* plot, const QString& path, QString* error);

} // namespace ada
