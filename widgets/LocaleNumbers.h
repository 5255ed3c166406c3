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

// What parts the numbers of a list: ", ", or "; " where the decimal mark is a comma ("0,5; 1,5").
inline QString localeListSeparator()
{
    return QLocale().decimalPoint() == QLatin1String(",") ? QStringLiteral("; ") : QStringLiteral(", ");
}

// An interval "[lo, hi]" (a semicolon between the bounds where the decimal mark is a comma).
inline QString localeInterval(double lo, double hi, char format, int precision)
{
    return QStringLiteral("[%1%2%3]")
        .arg(localeNumber(lo, format, precision), localeListSeparator(), localeNumber(hi, format, precision));
}

// A count, with the language's digit grouping.
inline QString localeCount(qint64 count)
{
    return QLocale().toString(count);
}

} // namespace ada
