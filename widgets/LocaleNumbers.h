// Numbers in the views' texts as the studio's language writes them. The studio sets QLocale's default
// with its language (Preferences), and the plots' axes already follow it; the texts beside them do
// too, so a German reader sees 52,92 % and 12.702 Züge there as well, and an English one 12,702.
// Exports and the command line keep the C locale: they are read by programs.
#pragma once

#include <QLocale>
#include <QString>

namespace ada {

// A real number in the given QString::number format ('f', 'g', …) and precision.
inline QString localeNumber(double value, char format, int precision)
{
    return QLocale().toString(value, format, precision);
}

// A real number in as few digits as read back to the same value.
inline QString localeNumber(double value)
{
    return QLocale().toString(value, 'g', QLocale::FloatingPointShortest);
}

// An interval "[lo, hi]"; where the decimal mark is a comma, the bounds are parted by a semicolon.
inline QString localeInterval(double lo, double hi, char format, int precision)
{
    const QLocale locale;
    const QString separator
        = locale.decimalPoint() == QLatin1String(",") ? QStringLiteral("; ") : QStringLiteral(", ");
    return QStringLiteral("[%1%2%3]")
        .arg(locale.toString(lo, format, precision), separator, locale.toString(hi, format, precision));
}

// A count, with the language's digit grouping.
inline QString localeCount(qint64 count)
{
    return QLocale().toString(count);
}

} // namespace ada
