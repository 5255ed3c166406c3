// The playback shortcuts trigger their actions (Space, ←, →, Shift+→, R, End), F1 shows the
// overlay that lists them, and the About dialog names the version and the source revision.
#include "app/studio/AboutDialog.h"
#include "app/studio/MainWindow.h"
#include "app/studio/ShortcutOverlay.h"

#include <QAbstractButton>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QFileInfo>
#include <QScrollBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace ada;

class TestShortcuts : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void playbackShortcuts();
    void helpOverlayListsThem();
    void aboutNamesVersionAndRevision();
    void controlsHaveAccessibleNames();

private:
    QTemporaryDir settingsDir_;
    std::unique_ptr<MainWindow> window_;
};

void TestShortcuts::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir_.path());
    QCoreApplication::setOrganizationName(QStringLiteral("AdaSoftmax"));
    QCoreApplication::setApplicationName(QStringLiteral("AdaSoftmax Studio Test"));
}

void TestShortcuts::init()
{
    window_ = std::make_unique<MainWindow>();
    window_->resize(1280, 800);
    window_->show();
    window_->openScenario(Scenario{});
    QTRY_VERIFY_WITH_TIMEOUT(window_->run() != nullptr, 30000);
    window_->playback().pause();
    window_->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window_.get()));
    window_->setFocus(); // not a spin box, which would take the arrow keys
}

void TestShortcuts::cleanup()
{
    window_.reset();
}

void TestShortcuts::playbackShortcuts()
{
    PlaybackController& p = window_->playback();
    p.seek(0);
    QTest::keyClick(window_.get(), Qt::Key_Right);
    QCOMPARE(p.step(), 1);
    QTest::keyClick(window_.get(), Qt::Key_Right);
    QCOMPARE(p.step(), 2);
    QTest::keyClick(window_.get(), Qt::Key_Left);
    QCOMPARE(p.step(), 1);
    QTest::keyClick(window_.get(), Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(p.step(), PlaybackController::nextRoundStep(window_->run()->trace, 1));
    QTest::keyClick(window_.get(), Qt::Key_End);
    QVERIFY(p.atEnd());
    QTest::keyClick(window_.get(), Qt::Key_R);
    QCOMPARE(p.step(), 0);
    QVERIFY(!p.playing());
    QTest::keyClick(window_.get(), Qt::Key_Space);
    QVERIFY(p.playing());
    QTest::keyClick(window_.get(), Qt::Key_Space);
    QVERIFY(!p.playing());
}

void TestShortcuts::helpOverlayListsThem()
{
    ShortcutOverlay* overlay = window_->shortcutOverlay();
    QVERIFY(!overlay->isVisible());
    QTest::keyClick(window_.get(), Qt::Key_F1);
    QVERIFY(overlay->isVisible());
    if (const QString dir = qEnvironmentVariable("ADASOFTMAX_GRAB_DIR"); !dir.isEmpty()) // to look at it
        QVERIFY(window_->grab().save(dir + QStringLiteral("/shortcut-overlay.png")));
    for (const char* key : {"Space", "Left", "Right", "Shift+Right", "R", "End"})
        QVERIFY2(overlay->text().contains(
                     QKeySequence(QString::fromLatin1(key)).toString(QKeySequence::NativeText)),
                 key);
    QTest::keyClick(overlay, Qt::Key_Escape);
    QVERIFY(!overlay->isVisible());
}

void TestShortcuts::aboutNamesVersionAndRevision()
{
    AboutDialog about;
    QVERIFY(about.text().contains(QStringLiteral("0.1.0")));
    if (const QString dir = qEnvironmentVariable("ADASOFTMAX_GRAB_DIR"); !dir.isEmpty()) {
        about.show();
        QVERIFY(about.grab().save(dir + QStringLiteral("/about.png")));
    }
    if (QFileInfo::exists(QStringLiteral(SOURCE_DIR "/.git"))) // configured from a git checkout
        QVERIFY(AboutDialog::revision() != QLatin1String("unknown"));
    QVERIFY(about.text().contains(AboutDialog::revision()));
}

void TestShortcuts::controlsHaveAccessibleNames()
{
    // Buttons carry text or an accessible name; spin boxes, combo boxes and sliders an accessible
    // name (a screen reader reads nothing else for them).
    QStringList missing;
    for (QWidget* w : window_->findChildren<QWidget*>()) {
        if (!w->isVisibleTo(window_.get()))
            continue;
        if (auto* b = qobject_cast<QAbstractButton*>(w)) {
            if (b->text().isEmpty() && b->accessibleName().isEmpty() && b->toolTip().isEmpty())
                missing << QStringLiteral("%1 (%2)").arg(QLatin1String(w->metaObject()->className()),
                                                         w->objectName());
        } else if (qobject_cast<QAbstractSpinBox*>(w) || qobject_cast<QComboBox*>(w)
                   || qobject_cast<QAbstractSlider*>(w)) {
            if (qobject_cast<QScrollBar*>(w)) // part of a scroll area, which names itself
                continue;
            if (w->accessibleName().isEmpty() && !w->objectName().startsWith(QLatin1String("qt_")))
                missing << QStringLiteral("%1 (%2)").arg(QLatin1String(w->metaObject()->className()),
                                                         w->objectName());
        }
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
}

QTEST_MAIN(TestShortcuts)
#include "tst_shortcuts.moc"
