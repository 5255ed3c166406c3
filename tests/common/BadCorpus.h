// The bad-input corpus (tests/data/bad/MANIFEST.tsv), shared by the CLI and studio tests: one case
// per bad file with the dataset name to open and the message the user must see.
#pragma once

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QVector>

namespace badcorpus {

struct Case {
    QString file;    // relative to the corpus folder
    QString dataset; // the name to open (options and companion files filled in)
    QString message; // a substring of the expected error
    // The studio's tensor dialog resolves what the CLI must refuse (several candidate tensors): the
    // studio test expects the dialog and a successful load instead of an error.
    bool studioChooses = false;
};

struct Manifest {
    QVector<Case> cases;
    QStringList listed; // every file the manifest names, cases and support files
    QString error;      // why the manifest could not be read
};

inline Manifest readManifest(const QString& dir)
{
    Manifest m;
    QFile f(dir + QStringLiteral("/MANIFEST.tsv"));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        m.error = QStringLiteral("cannot read ") + f.fileName();
        return m;
    }
    int lineNo = 0;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).chopped(1);
        ++lineNo;
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList parts = line.split(u'\t');
        if (parts.size() == 2 && parts[1] == QStringLiteral("support")) {
            m.listed << parts[0];
            continue;
        }
        if (parts.size() != 3 && !(parts.size() == 4 && parts[3] == QStringLiteral("studio-chooses"))) {
            m.error = QStringLiteral("MANIFEST.tsv line %1: expected 3 tab-separated fields (and optionally "
                                     "studio-chooses)")
                          .arg(lineNo);
            return m;
        }
        Case c;
        c.file = parts[0];
        c.dataset = parts[1] == QStringLiteral("-") ? dir + u'/' + c.file : parts[1];
        c.dataset.replace(QStringLiteral("{bad}"), dir)
            .replace(QStringLiteral("{file}"), dir + u'/' + c.file);
        c.message = parts[2];
        c.studioChooses = parts.size() == 4;
        m.cases << c;
        m.listed << c.file;
    }
    return m;
}

// Every data file under the corpus (generators, manifests and expected-message tables excluded).
inline QStringList corpusFiles(const QString& dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    const QDir root(dir);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.endsWith(QStringLiteral(".py")) || path.endsWith(QStringLiteral(".tsv"))
            || path.endsWith(QStringLiteral(".txt")))
            continue;
        files << root.relativeFilePath(path);
    }
    files.sort();
    return files;
}

} // namespace badcorpus
