// Resident memory of this process, for the tests that bound its growth (stress, soak, run
// controller): Linux's /proc/self/statm, whose second field is the resident set in pages.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>

#include <unistd.h>

namespace ada::test {

inline long residentKiB()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = f.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLong() * (sysconf(_SC_PAGESIZE) / 1024) : 0;
}

} // namespace ada::test
