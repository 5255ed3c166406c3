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

} // namespace

ParameterPanel::ParameterPanel(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("parameterPanel"));
    // Open intervals are enforced by validate(); the spin ranges keep typing within reason.
    epsilon_ = spin(this, 0.001, 0.999, 0.05, 3, tr("epsilon"));
    delta_ = spin(this, 0.001, 0.999, 0.01, 3, tr("delta"));
    k_ = new QSpinBox(this);
    k_->setRange(1, 1);
    k_->setAccessibleName(tr("k"));
    temperature_ = spin(this, 0.01, 100.0, 0.1, 3, tr("temperature"));
    preset_ = new QComboBox(this);
    for (Preset p : {Preset::Paper, Preset::Theory, Preset::Reference})
        preset_->addItem(QString::fromUtf8(toString(p).data()), int(p));
    sampler_ = new QComboBox(this);
    for (Sampler s : {Sampler::ImportanceWithoutReplacement, Sampler::ImportanceWithReplacement,
                      Sampler::UniformWithoutReplacement, Sampler::UniformWithoutReplacementFpc,
                      Sampler::UniformWithReplacement})
        sampler_->addItem(QString::fromUtf8(toString(s).data()), int(s));
    weights_ = new QComboBox(this);
    for (ImportanceWeights w : {ImportanceWeights::Both, ImportanceWeights::Head, ImportanceWeights::Query,
                                ImportanceWeights::None})
        weights_->addItem(QString::fromUtf8(toString(w).data()), int(w));
    exactWinner_ = new QCheckBox(tr("compute the winner exactly"), this);
    fudgeBest_ = spin(this, 1e-6, 10.0, 0.01, 6, tr("fudge factor for elimination"));
    fudgeLog_ = spin(this, 1e-6, 10.0, 0.01, 6, tr("fudge factor for the partition function"));
    tune_ = new QPushButton(tr("Tune"), this);
    tune_->setToolTip(tr("Tune both fudge factors on up to 200 queries of the dataset (§7)"));
    seed_ = new QLineEdit(QStringLiteral("42"), this);
    seed_->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,19}")), seed_));
    seed_->setAccessibleName(tr("seed"));
    query_ = new QSpinBox(this);
    query_->setRange(0, 0);
    query_->setAccessibleName(tr("query"));
    error_ = new QLabel(this);
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #c0392b"));
    error_->setVisible(false);

    auto* form = new QFormLayout(this);
    form->addRow(tr("ε (accuracy)"), epsilon_);
    form->addRow(tr("δ (failure prob.)"), delta_);
    form->addRow(tr("k"), k_);
    form->addRow(tr("β (temperature)"), temperature_);
    form->addRow(tr("preset"), preset_);
    form->addRow(tr("sampler"), sampler_);
    form->addRow(tr("weights"), weights_);
    form->addRow(QString(), exactWinner_);
    auto* fudgeRow = new QHBoxLayout;
    fudgeRow->addWidget(fudgeBest_);
    fudgeRow->addWidget(fudgeLog_);
    fudgeRow->addWidget(tune_);
    form->addRow(tr("fudge φ_b, φ_ℓ"), fudgeRow);
    form->addRow(tr("seed"), seed_);
    form->addRow(tr("query"), query_);
    form->addRow(error_);

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

void ParameterPanel::applyPreset()
{
    if (updating_)
        return;
    std::optional<Config> current = config();
    Config base = current.value_or(Config{});
    base.epsilon = epsilon_->value();
    base.delta = delta_->value();
    const Config c = Config::forPreset(Preset(preset_->currentData().toInt()), base);
    setConfig(c, query_->value());
}

std::optional<Config> ParameterPanel::config() const
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
    c.warmupCap = c.preset == Preset::Theory ? 1.0 : 0.1;
    c.fudge.bestArms = fudgeBest_->value();
    c.fudge.logNorm = fudgeLog_->value();
    c.seed = seed_->text().toULongLong();
    try {
        c.validate();
        if (c.k >= arms_)
            throw std::invalid_argument("k must be smaller than the number of arms");
    } catch (const std::invalid_argument&) {
        return std::nullopt;
    }
    return c;
}

int ParameterPanel::query() const
{
    return query_->value();
}

QString ParameterPanel::errorText() const
{
    return error_->isVisible() ? error_->text() : QString();
}

void ParameterPanel::validateAndNotify()
{
    if (updating_)
        return;
    Config c;
    c.epsilon = epsilon_->value();
    c.delta = delta_->value();
    c.k = k_->value();
    c.sampler = Sampler(sampler_->currentData().toInt());
    c.weights = ImportanceWeights(weights_->currentData().toInt());
    c.fudge.bestArms = fudgeBest_->value();
    c.fudge.logNorm = fudgeLog_->value();
    QString message;
    try {
        c.validate();
    } catch (const std::invalid_argument& e) {
        message = QString::fromUtf8(e.what());
    }
    error_->setText(message);
    error_->setVisible(!message.isEmpty());
    if (message.isEmpty())
        emit changed();
}

} // namespace ada
