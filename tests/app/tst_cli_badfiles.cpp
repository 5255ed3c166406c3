// Every file of the bad-input corpus (tests/data/bad/MANIFEST.tsv) through `adasoftmax inspect`, as a
// user runs it: a non-zero exit, no crash, and an error that names the file and the problem.
#include "tests/common/BadCorpus.h"

#include <QtTest>

#include <QProcess>
#include <QTemporaryDir>

class TestCliBadFiles : public QObject {
    Q_OBJECT

private slots:
    void everyFileIsListed();
    void inspectRefuses_data();
    void inspectRefuses();

private:
    QTemporaryDir cache_;
};

void TestCliBadFiles::everyFileIsListed()
{
    const auto manifest = badcorpus::readManifest(QStringLiteral(BAD_DIR));
    QVERIFY2(manifest.error.isEmpty(), qPrintable(manifest.error));
    // Issue 9 asks for at least 30 crafted bad files; a new file without a manifest line fails here.
    QVERIFY2(manifest.cases.size() >= 30, qPrintable(QString::number(manifest.cases.size())));
    const QStringList files = badcorpus::corpusFiles(QStringLiteral(BAD_DIR));
    for (const QString& f : files)
        QVERIFY2(manifest.listed.contains(f), qPrintable(f + QStringLiteral(" is not in MANIFEST.tsv")));
    for (const QString& f : manifest.listed)
        QVERIFY2(files.contains(f), qPrintable(f + QStringLiteral(" is in MANIFEST.tsv but not on disk")));
}

void TestCliBadFiles::inspectRefuses_data()
{
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message");
    const auto manifest = badcorpus::readManifest(QStringLiteral(BAD_DIR));
    for (const auto& c : manifest.cases)
        QTest::newRow(qPrintable(c.file)) << c.dataset << c.file << c.message;
}

void TestCliBadFiles::inspectRefuses()
{
    QFETCH(QString, dataset);
    QFETCH(QString, file);
    QFETCH(QString, message);
    QVERIFY(cache_.isValid());
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CACHE_HOME"), cache_.path()); // never the user's cache
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(CLI_PATH), {QStringLiteral("inspect"), dataset});
    QVERIFY(process.waitForFinished(60000));
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitStatus(), QProcess::NormalExit); // a crash is never an answer
    QVERIFY2(process.exitCode() != 0, qPrintable(err));
    QVERIFY2(err.contains(message), qPrintable(QStringLiteral("expected \"%1\" in:\n%2").arg(message, err)));
    // The message names the file (or, for a companion or a shard, the file at fault).
    QVERIFY2(err.contains(QFileInfo(file).fileName()) || err.contains(QStringLiteral(".safetensors")),
             qPrintable(err));
}

QTEST_GUILESS_MAIN(TestCliBadFiles)
#include "tst_cli_badfiles.moc"
