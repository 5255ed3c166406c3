#include "OutputFormat.h"

#include "CliOptions.h"

#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include <unistd.h>

namespace ada::cli {

namespace {

bool looksNumeric(const QString& cell)
{
    if (cell.isEmpty())
        return false;
    const QChar first = cell.at(0);
    return first.isDigit() || ((first == u'-' || first == u'+' || first == u'.') && cell.size() > 1);
}

QString pad(const QString& cell, qsizetype width, bool right)
{
    return right ? cell.rightJustified(width, u' ') : cell.leftJustified(width, u' ');
}

} // namespace

TextTable::TextTable(QStringList header)
    : header_(std::move(header))
{
}

void TextTable::addRow(QStringList cells)
{
    while (cells.size() < header_.size())
        cells.append(QString());
    rows_.append(std::move(cells));
}

QString TextTable::render() const
{
    QList<qsizetype> widths;
    for (const QString& h : header_)
        widths.append(h.size());
    for (const QStringList& row : rows_)
        for (qsizetype c = 0; c < widths.size() && c < row.size(); ++c)
            widths[c] = std::max(widths[c], row.at(c).size());

    // A column is right-aligned when all its cells are numbers, so digits line up.
    QList<bool> right(widths.size(), true);
    for (const QStringList& row : rows_)
        for (qsizetype c = 0; c < widths.size(); ++c)
            right[c] = right[c] && (row.at(c).isEmpty() || looksNumeric(row.at(c)));

    auto line = [&](const QStringList& cells) {
        QStringList padded;
        for (qsizetype c = 0; c < widths.size(); ++c)
            padded.append(pad(cells.value(c), widths[c], right[c]));
        QString joinedLine = padded.join(QStringLiteral("  "));
        while (joinedLine.endsWith(u' ')) // no trailing blanks, but keep the first column's alignment
            joinedLine.chop(1);
        return joinedLine + u'\n';
    };
    QString out = line(header_);
    QStringList rule;
    for (qsizetype w : widths)
        rule.append(QString(w, u'-'));
    out += rule.join(QStringLiteral("  ")) + u'\n';
    for (const QStringList& row : rows_)
        out += line(row);
    return out;
}

QString renderKeyValues(const KeyValues& rows)
{
    qsizetype width = 0;
    for (const auto& [key, value] : rows)
        width = std::max(width, key.size());
    QString out;
    for (const auto& [key, value] : rows)
        out += key.leftJustified(width + 2, u' ') + value + u'\n';
    return out;
}

namespace {

QString text(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

double effectiveTemperature(const ada::Config& config, const ada::Dataset& dataset)
{
    return config.temperature.value_or(dataset.head.temperature);
}

} // namespace

KeyValues configRows(const ada::Config& config, const ada::Dataset& dataset)
{
    return {
        {QStringLiteral("dataset"), QString::fromStdString(dataset.name)},
        {QStringLiteral("arms n"), formatInteger(dataset.head.arms())},
        {QStringLiteral("dimension d"), formatInteger(dataset.head.dim())},
        {QStringLiteral("epsilon"), formatNumber(config.epsilon)},
        {QStringLiteral("delta"), formatNumber(config.delta)},
        {QStringLiteral("k"), QString::number(config.k)},
        {QStringLiteral("temperature"), formatNumber(effectiveTemperature(config, dataset))},
        {QStringLiteral("preset"), text(ada::toString(config.preset))},
        {QStringLiteral("sampler"), text(ada::toString(config.sampler))},
        {QStringLiteral("weights"), text(ada::toString(config.weights))},
        {QStringLiteral("exact winner"), config.exactWinner ? QStringLiteral("yes") : QStringLiteral("no")},
        {QStringLiteral("warm-up cap"), formatNumber(config.warmupCap)},
        {QStringLiteral("hadamard"), config.hadamard ? QStringLiteral("yes") : QStringLiteral("no")},
        {QStringLiteral("noise bound"),
         config.noiseBound ? formatNumber(*config.noiseBound) : QStringLiteral("data-driven proxy")},
        {QStringLiteral("seed"), QString::number(config.seed)},
    };
}

void addConfigFields(QJsonObject& object, const ada::Config& config, const ada::Dataset& dataset)
{
    object.insert(QStringLiteral("dataset"), QString::fromStdString(dataset.name));
    object.insert(QStringLiteral("n"), static_cast<qint64>(dataset.head.arms()));
    object.insert(QStringLiteral("d"), static_cast<qint64>(dataset.head.dim()));
    object.insert(QStringLiteral("eps"), config.epsilon);
    object.insert(QStringLiteral("delta"), config.delta);
    object.insert(QStringLiteral("k"), config.k);
    object.insert(QStringLiteral("temperature"), effectiveTemperature(config, dataset));
    object.insert(QStringLiteral("preset"), text(ada::toString(config.preset)));
    object.insert(QStringLiteral("sampler"), text(ada::toString(config.sampler)));
    object.insert(QStringLiteral("weights"), text(ada::toString(config.weights)));
    object.insert(QStringLiteral("exact_winner"), config.exactWinner);
    object.insert(QStringLiteral("warmup_cap"), config.warmupCap);
    object.insert(QStringLiteral("hadamard"), config.hadamard);
    object.insert(QStringLiteral("noise_bound"),
                  config.noiseBound ? QJsonValue(*config.noiseBound) : QJsonValue(QJsonValue::Null));
    // Qt 6 keeps a qint64 exact in JSON; a seed beyond it falls back to a decimal string rather than
    // being rounded into a different seed.
    if (config.seed <= static_cast<std::uint64_t>(std::numeric_limits<qint64>::max()))
        object.insert(QStringLiteral("seed"), static_cast<qint64>(config.seed));
    else
        object.insert(QStringLiteral("seed"), QString::number(config.seed));
}

QString fudgeText(const ada::FudgeFactors& fudge)
{
    return QStringLiteral("best arms %1, log norm %2")
        .arg(formatNumber(fudge.bestArms), formatNumber(fudge.logNorm));
}

QJsonObject fudgeJson(const ada::FudgeFactors& fudge)
{
    return QJsonObject{{QStringLiteral("best_arms"), fudge.bestArms},
                       {QStringLiteral("log_norm"), fudge.logNorm}};
}

ProgressPrinter::ProgressPrinter()
    : tty_(isatty(fileno(stderr)) != 0)
{
}

bool ProgressPrinter::operator()(int done, int total, std::string_view stage)
{
    const QString stageName = QString::fromUtf8(stage.data(), static_cast<qsizetype>(stage.size()));
    const int percent = total > 0 ? static_cast<int>((100LL * std::clamp(done, 0, total)) / total) : 100;
    if (stageName != stage_) {
        finish();
        stage_ = stageName;
        lastPercent_ = -1;
    }
    if (percent <= lastPercent_)
        return true;
    // Off a terminal, only the 10 % steps are worth a line each.
    const bool print = tty_ || lastPercent_ < 0 || percent / 10 > lastPercent_ / 10;
    lastPercent_ = percent;
    if (!print)
        return true;
    const QByteArray text
        = QStringLiteral("%1: %2 % (%3/%4)").arg(stage_).arg(percent, 3).arg(done).arg(total).toUtf8();
    if (tty_) {
        std::fprintf(stderr, "\r%s\033[K", text.constData());
        lineOpen_ = true;
    } else {
        std::fprintf(stderr, "%s\n", text.constData());
    }
    std::fflush(stderr);
    return true;
}

void ProgressPrinter::finish()
{
    if (lineOpen_) {
        std::fputc('\n', stderr);
        std::fflush(stderr);
        lineOpen_ = false;
    }
}

QString formatNumber(double value, int significant)
{
    if (std::isnan(value))
        return QStringLiteral("nan");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    return QString::number(value, 'g', significant);
}

QString formatInteger(long long value)
{
    // Grouped digits make pull counts in the millions readable; fixed spaces, not the locale, keep
    // the output the same on every machine.
    QString digits = QString::number(value < 0 ? -value : value);
    for (qsizetype at = digits.size() - 3; at > 0; at -= 3)
        digits.insert(at, u' ');
    return value < 0 ? u'-' + digits : digits;
}

QString formatSeconds(double seconds)
{
    if (!std::isfinite(seconds))
        return formatNumber(seconds);
    if (seconds >= 1.0)
        return QString::number(seconds, 'f', 3) + QStringLiteral(" s");
    if (seconds >= 1e-3)
        return QString::number(seconds * 1e3, 'f', 3) + QStringLiteral(" ms");
    return QString::number(seconds * 1e6, 'f', 2) + QStringLiteral(" us");
}

QString formatPercent(double fraction)
{
    return QString::number(100.0 * fraction, 'f', 1) + QStringLiteral(" %");
}

void writeJsonFile(const QString& path, const QJsonObject& object)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw IoError("cannot write " + toStdString(path) + ": " + toStdString(file.errorString()));
    const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Indented);
    if (file.write(bytes) != bytes.size() || !file.commit())
        throw IoError("cannot write " + toStdString(path) + ": " + toStdString(file.errorString()));
}

} // namespace ada::cli
