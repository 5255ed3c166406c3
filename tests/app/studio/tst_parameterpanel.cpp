// ParameterPanel: invalid combinations are refused at the control (red message, Run disabled,
// no configuration handed out, no run started); valid changes announce themselves; presets apply.
#include "app/studio/ParameterPanel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QtTest>

using namespace ada;

namespace {

QComboBox* combo(ParameterPanel& panel, const QString& accessible)
{
    for (QComboBox* c : panel.findChildren<QComboBox*>())
        for (int i = 0; i < c->count(); ++i)
            if (c->itemText(i) == accessible)
                return c;
    return nullptr;
}

void choose(QComboBox* c, const QString& text)
{
    QVERIFY(c);
    c->setCurrentIndex(c->findText(text));
    QCOMPARE(c->currentText(), text);
}

} // namespace

class TestParameterPanel : public QObject {
    Q_OBJECT

private slots:
    void defaultIsThePaperPreset();
    void importanceSamplingWithoutWeightsIsRefusedAtTheControl();
    void theoryPresetApplies();
    void kIsBoundedByTheArms();
    void scenarioConfigRoundTrips();
    void hugeSeedIsKept();
};

void TestParameterPanel::defaultIsThePaperPreset()
{
    ParameterPanel panel;
    panel.setDatasetShape(40, 20);
    const auto c = panel.config();
    QVERIFY(c);
    QVERIFY(c->preset == Preset::Paper);
    QVERIFY(c->sampler == Sampler::ImportanceWithoutReplacement);
    QVERIFY(panel.runEnabled());
    QVERIFY(panel.errorText().isEmpty());
}

void TestParameterPanel::importanceSamplingWithoutWeightsIsRefusedAtTheControl()
{
    ParameterPanel panel;
    panel.show();
    panel.setDatasetShape(40, 20);
    QSignalSpy changed(&panel, &ParameterPanel::changed);
    choose(combo(panel, QStringLiteral("is-wr")), QStringLiteral("is-wr"));
    choose(combo(panel, QStringLiteral("none")), QStringLiteral("none"));
    QVERIFY(!panel.config());
    QVERIFY(!panel.runEnabled());
    QVERIFY2(panel.errorText().contains(QStringLiteral("weight"), Qt::CaseInsensitive),
             qPrintable(panel.errorText()));
    auto* label = panel.findChild<QLabel*>(QStringLiteral("parameterError"));
    QVERIFY(label && label->isVisible());
    QVERIFY(label->styleSheet().contains(QStringLiteral("#c0392b")));
    const int before = changed.count();
    // Still invalid: no change is announced, so no run starts.
    choose(combo(panel, QStringLiteral("is-wor-ht")), QStringLiteral("is-wor-ht"));
    QCOMPARE(changed.count(), before);
    // Fixing it clears the message and announces the change.
    choose(combo(panel, QStringLiteral("both")), QStringLiteral("both"));
    QVERIFY(panel.config());
    QVERIFY(panel.runEnabled());
    QVERIFY(!label->isVisible());
    QCOMPARE(changed.count(), before + 1);
}

void TestParameterPanel::theoryPresetApplies()
{
    ParameterPanel panel;
    panel.setDatasetShape(40, 20);
    choose(combo(panel, QStringLiteral("theory")), QStringLiteral("theory"));
    const auto c = panel.config();
    QVERIFY(c);
    QVERIFY(c->preset == Preset::Theory);
    QVERIFY(c->sampler == Sampler::UniformWithoutReplacement);
    QVERIFY(c->weights == ImportanceWeights::None);
    QVERIFY(!c->exactWinner);
    QCOMPARE(c->warmupCap, 1.0);
}

void TestParameterPanel::kIsBoundedByTheArms()
{
    ParameterPanel panel;
    panel.setDatasetShape(5, 3);
    QSpinBox* k = nullptr;
    QSpinBox* query = nullptr;
    for (QSpinBox* s : panel.findChildren<QSpinBox*>()) {
        if (s->accessibleName() == QStringLiteral("k"))
            k = s;
        if (s->accessibleName() == QStringLiteral("query"))
            query = s;
    }
    QVERIFY(k && query);
    QCOMPARE(k->maximum(), 4);
    QCOMPARE(query->maximum(), 2);
    k->setValue(10);
    QCOMPARE(k->value(), 4);
    QCOMPARE(panel.config()->k, 4);
}

void TestParameterPanel::scenarioConfigRoundTrips()
{
    ParameterPanel panel;
    panel.setDatasetShape(100, 10);
    Config c = Config::forPreset(Preset::Theory);
    c.epsilon = 0.15;
    c.delta = 0.05;
    c.k = 3;
    c.temperature = 2.5;
    c.fudge = {0.0123, 0.456};
    c.seed = 7;
    c.warmupCap = 0.5;
    panel.setConfig(c, 4);
    const auto d = panel.config();
    QVERIFY(d);
    QCOMPARE(d->epsilon, 0.15);
    QCOMPARE(d->delta, 0.05);
    QCOMPARE(d->k, 3);
    QCOMPARE(*d->temperature, 2.5);
    QCOMPARE(d->fudge.bestArms, 0.0123);
    QCOMPARE(d->fudge.logNorm, 0.456);
    QCOMPARE(d->seed, std::uint64_t(7));
    QCOMPARE(d->warmupCap, 0.5);
    QCOMPARE(panel.query(), 4);
}

void TestParameterPanel::hugeSeedIsKept()
{
    ParameterPanel panel;
    panel.setDatasetShape(10, 1);
    Config c = Config::forPreset(Preset::Paper);
    c.seed = 18446744073709551615ULL;
    panel.setConfig(c, 0);
    QVERIFY(panel.config());
    QCOMPARE(panel.config()->seed, 18446744073709551615ULL);
}

QTEST_MAIN(TestParameterPanel)
#include "tst_parameterpanel.moc"
