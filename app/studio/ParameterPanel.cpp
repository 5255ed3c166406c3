#include "ParameterPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>

#include <cmath>
#include <stdexcept>

namespace ada {

namespace {

QDoubleSpinBox* spin(QWidget* parent, double lo, double hi, double step, int decimals, const QString& name)
{
    auto* s = new QDoubleSpinBox(parent);
    s->setRange(lo, hi);
    s->setSingleStep(step);
    s->setDecimals(decimals);
    s->setAccessibleName(name);
    s->setKeyboardTracking(false);
    return s;
}

// A fudge factor lives on a log scale (§7: tuned values span decades): each arrow step multiplies
// or divides by 10^¼, and the value shows with three significant digits.
class LogSpinBox final : public QDoubleSpinBox {
public:
    explicit LogSpinBox(QWidget* parent)
        : QDoubleSpinBox(parent)
    {
        setDecimals(8);
        setRange(1e-6, 100.0);
        setKeyboardTracking(false);
    }
    void stepBy(int steps) override { setValue(value() * std::pow(10.0, 0.25 * steps)); }
    QString textFromValue(double v) const override { return locale().toString(v, 'g', 3); }
    double valueFromText(const QString& text) const override { return locale().toDouble(text); }
    QValidator::State validate(QString& text, int&) const override
    {
        bool ok = false;
        const double v = locale().toDouble(text, &ok);
        return ok && v >= minimum() && v <= maximum() ? QValidator::Acceptable : QValidator::Intermediate;
    }
};

} // namespace

ParameterPanel::ParameterPanel(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("parameterPanel"));
    // (0, 1) is open: the spin boxes stop a step short of either end; validate() has the last word.
    epsilon_ = spin(this, 0.001, 0.999, 0.05, 3, tr("epsilon"));
    epsilon_->setToolTip(tr("Multiplicative accuracy ε of the top-k probabilities, in (0, 1)"));
    delta_ = spin(this, 0.001, 0.999, 0.01, 3, tr("delta"));
    delta_->setToolTip(tr("Failure probability δ of the PAC guarantee, in (0, 1)"));
    k_ = new QSpinBox(this);
    k_->setRange(1, 1);
    k_->setAccessibleName(tr("k"));
    k_->setToolTip(tr("How many of the largest probabilities to find (1 … n−1)"));
    temperature_ = spin(this, 0.001, 1000.0, 0.1, 3, tr("temperature"));
    temperature_->setToolTip(tr("Inverse temperature β in softmax(β·A·x)"));
    preset_ = new QComboBox(this);
    for (Preset p : {Preset::Paper, Preset::Theory, Preset::Reference})
        preset_->addItem(QString::fromUtf8(toString(p).data()), int(p));
    preset_->setAccessibleName(tr("preset"));
    preset_->setToolTip(tr("Applies the preset's sampler, weights, exact winner and warm-up cap"));
    sampler_ = new QComboBox(this);
    for (Sampler s : kAllSamplers)
        sampler_->addItem(QString::fromUtf8(toString(s).data()), int(s));
    sampler_->setAccessibleName(tr("sampler"));
    sampler_->setToolTip(tr("Column sampler and its variance estimator"));
    weights_ = new QComboBox(this);
    for (ImportanceWeights w : {ImportanceWeights::None, ImportanceWeights::Head, ImportanceWeights::Query,
                                ImportanceWeights::Both})
        weights_->addItem(QString::fromUtf8(toString(w).data()), int(w));
    weights_->setAccessibleName(tr("importance weights"));
    weights_->setToolTip(tr("Importance weights: column L1 norms of A (head), |x_j| (query), or both"));
    exactWinner_ = new QCheckBox(tr("compute the winner exactly"), this);
    fudgeBest_ = new LogSpinBox(this);
    fudgeBest_->setAccessibleName(tr("fudge factor for elimination"));
    fudgeBest_->setToolTip(tr("φ_b: multiplies the variances used by the elimination (log-scale steps)"));
    fudgeLog_ = new LogSpinBox(this);
    fudgeLog_->setAccessibleName(tr("fudge factor for the partition function"));
    fudgeLog_->setToolTip(tr("φ_ℓ: multiplies the variances used for log S (log-scale steps)"));
    tune_ = new QPushButton(tr("Tune"), this);
    tune_->setToolTip(tr("Tune both fudge factors on up to 200 queries of the dataset (§7)"));
    seed_ = new QLineEdit(QStringLiteral("42"), this);
    seed_->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,20}")), seed_));
    seed_->setAccessibleName(tr("seed"));
    seed_->setToolTip(tr("Algorithm seed: the same inputs and seed give the same bits"));
    query_ = new QSpinBox(this);
    query_->setRange(0, 0);
    query_->setAccessibleName(tr("query"));
    query_->setToolTip(tr("Which of the dataset's queries x to run"));
    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("parameterError"));
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #c0392b; font-weight: 600"));
    error_->setVisible(false);
    run_ = new QPushButton(tr("Run again"), this);
    run_->setToolTip(tr("Runs now; any parameter change also starts a new run"));

    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("ε (accuracy)"), epsilon_);
    form->addRow(tr("δ (failure prob.)"), delta_);
    form->addRow(tr("k"), k_);
    form->addRow(tr("β (inverse temp.)"), temperature_);
    form->addRow(tr("preset"), preset_);
    form->addRow(tr("sampler"), sampler_);
    form->addRow(tr("weights"), weights_);
    form->addRow(QString(), exactWinner_);
    auto* fudgeRow = new QHBoxLayout;
    fudgeRow->addWidget(fudgeBest_, 1);
    fudgeRow->addWidget(fudgeLog_, 1);
    fudgeRow->addWidget(tune_);
    form->addRow(tr("fudge φ_b, φ_ℓ"), fudgeRow);
    form->addRow(tr("seed"), seed_);
    form->addRow(tr("query"), query_);
    form->addRow(error_);
    form->addRow(run_);

    setConfig(Config::forPreset(Preset::Paper), 0);
    for (QDoubleSpinBox* s : {epsilon_, delta_, temperature_, fudgeBest_, fudgeLog_})
        connect(s, &QDoubleSpinBox::valueChanged, this, &ParameterPanel::validateAndNotify);
    for (QSpinBox* s : {k_, query_})
        connect(s, &QSpinBox::valueChanged, this, &ParameterPanel::validateAndNotify);
    for (QComboBox* c : {sampler_, weights_})
        connect(c, &QComboBox::currentIndexChanged, this, &ParameterPanel::validateAndNotify);
    connect(preset_, &QComboBox::currentIndexChanged, this, &ParameterPanel::applyPreset);
    connect(exactWinner_, &QCheckBox::toggled, this, &ParameterPanel::validateAndNotify);
    connect(seed_, &QLineEdit::editingFinished, this, &ParameterPanel::validateAndNotify);
    connect(tune_, &QPushButton::clicked, this, &ParameterPanel::tuneRequested);
    connect(run_, &QPushButton::clicked, this, &ParameterPanel::runRequested);
}

void ParameterPanel::setDatasetShape(int arms, int queries)
{
    arms_ = arms;
    updating_ = true;
    k_->setRange(1, std::max(1, arms - 1));
    query_->setRange(0, std::max(0, queries - 1));
    updating_ = false;
    validateAndNotify();
}

void ParameterPanel::setConfig(const Config& c, int query)
{
    updating_ = true;
    epsilon_->setValue(c.epsilon);
    delta_->setValue(c.delta);
    k_->setValue(c.k);
    temperature_->setValue(c.temperature.value_or(1.0));
    preset_->setCurrentIndex(preset_->findData(int(c.preset)));
    sampler_->setCurrentIndex(sampler_->findData(int(c.sampler)));
    weights_->setCurrentIndex(weights_->findData(int(c.weights)));
    exactWinner_->setChecked(c.exactWinner);
    fudgeBest_->setValue(c.fudge.bestArms);
    fudgeLog_->setValue(c.fudge.logNorm);
    seed_->setText(QString::number(c.seed));
    query_->setValue(query);
    warmupCap_ = c.warmupCap;
    hadamard_ = c.hadamard;
    updating_ = false;
    validateAndNotify();
}

void ParameterPanel::setFudge(const FudgeFactors& fudge)
{
    updating_ = true;
    fudgeBest_->setValue(fudge.bestArms);
    fudgeLog_->setValue(fudge.logNorm);
    updating_ = false;
    validateAndNotify();
}

void ParameterPanel::setTemperature(double beta)
{
    updating_ = true;
    temperature_->setValue(beta);
    updating_ = false;
    validateAndNotify();
}

void ParameterPanel::setTuning(bool tuning)
{
    tune_->setEnabled(!tuning);
    tune_->setText(tuning ? tr("Tuning…") : tr("Tune"));
}

void ParameterPanel::applyPreset()
{
    if (updating_)
        return;
    const Config c = Config::forPreset(Preset(preset_->currentData().toInt()), rawConfig());
    setConfig(c, query_->value());
}

Config ParameterPanel::rawConfig() const
{
    Config c;
    c.epsilon = epsilon_->value();
    c.delta = delta_->value();
    c.k = k_->value();
    c.temperature = temperature_->value();
    c.preset = Preset(preset_->currentData().toInt());
    c.sampler = Sampler(sampler_->currentData().toInt());
    c.weights = ImportanceWeights(weights_->currentData().toInt());
    c.exactWinner = exactWinner_->isChecked();
    c.hadamard = hadamard_;
    c.warmupCap = warmupCap_;
    c.fudge.bestArms = fudgeBest_->value();
    c.fudge.logNorm = fudgeLog_->value();
    c.seed = seed_->text().toULongLong();
    return c;
}

QString ParameterPanel::problem(const Config& c) const
{
    bool seedOk = false;
    (void)seed_->text().toULongLong(&seedOk);
    if (!seedOk)
        return tr("the seed must be an integer between 0 and 18446744073709551615");
    try {
        c.validate();
    } catch (const std::invalid_argument& e) {
        return QString::fromUtf8(e.what());
    }
    if (c.k >= arms_)
        return tr("k must be smaller than the number of arms (%1)").arg(arms_);
    return {};
}

std::optional<Config> ParameterPanel::config() const
{
    const Config c = rawConfig();
    if (!problem(c).isEmpty())
        return std::nullopt;
    return c;
}

int ParameterPanel::query() const
{
    return query_->value();
}

QString ParameterPanel::errorText() const
{
    return error_->text();
}

bool ParameterPanel::runEnabled() const
{
    return run_->isEnabled();
}

void ParameterPanel::validateAndNotify()
{
    if (updating_)
        return;
    const QString message = problem(rawConfig());
    error_->setText(message);
    error_->setVisible(!message.isEmpty());
    run_->setEnabled(message.isEmpty());
    tune_->setEnabled(message.isEmpty());
    if (message.isEmpty())
        emit changed();
}

} // namespace ada
