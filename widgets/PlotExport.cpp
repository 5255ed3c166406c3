#include "PlotExport.h"

#include <QFileInfo>
#include <QSvgGenerator>
#include <qcustomplot.h>

namespace ada {

bool exportPlot(QCustomPlot* plot, const QString& path, QString* error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const int w = std::max(plot->width(), 640), h = std::max(plot->height(), 400);
    bool ok = false;
    if (suffix == QLatin1String("png")) {
        ok = plot->savePng(path, w, h, 2.0);
    } else if (suffix == QLatin1String("pdf")) {
        ok = plot->savePdf(path, w, h);
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setSize(QSize(w, h));
        generator.setViewBox(QRect(0, 0, w, h));
        generator.setTitle(QStringLiteral("AdaSoftmax Studio plot"));
        QCPPainter painter;
        ok = painter.begin(&generator);
        if (ok) {
            plot->toPainter(&painter, w, h);
            ok = painter.end();
        }
        ok = ok && QFileInfo(path).size() > 0;
    } else {
        if (error)
            *error = QObject::tr("%1: unknown plot format '%2' (use .png, .pdf or .svg)").arg(path, suffix);
        return false;
    }
    if (!ok && error)
        *error = QObject::tr("could not write %1").arg(path);
    return ok;
}

} // namespace ada
