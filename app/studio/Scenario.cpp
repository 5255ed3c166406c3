#include "Scenario.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>
#include <stdexcept>

namespace ada {

namespace {

// The messages are translated (context "ada::Scenario"): the studio shows them in its banner; the
// CLI installs no translator and prints them in English.
[[noreturn]] void bad(const QString& message)
{
    throw std::invalid_argument(message.toStdString());
}

double number(const QJsonObject& o, const char* key, double fallback)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return fallback;
    if (!v.isDouble())
        bad(QCoreApplication::translate("ada::Scenario", "scenario: \"%1\" must be a number")
                .arg(QLatin1String(key)));
    return v.toDouble();
}

QString text(const QJsonObject& o, const char* key, const QString& fallback)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return fallback;
    if (!v.isString())
        bad(QCoreApplication::translate("ada::Scenario", "scenario: \"%1\" must be a string")
                .arg(QLatin1String(key)));
    return v.toString();
}

// Strict: a misspelt key ("epsilon" for "eps") is an error, not a silently ignored default.
void requireKnownKeys(const QJsonObject& o, const QStringList& known, const QString& where)
{
    for (const QString& key : o.keys())
        if (!known.contains(key))
            bad(QCoreApplication::translate("ada::Scenario",
                                            "scenario: unknown key \"%1\" in %2 (accepted: %3)")
                    .arg(key, where, known.join(QStringLiteral(", "))));
}

bool boolean(const QJsonObject& o, const char* key, bool fallback)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return fallback;
    if (!v.isBool())
        bad(QCoreApplication::translate("ada::Scenario", "scenario: \"%1\" must be true or false")
                .arg(QLatin1String(key)));
    return v.toBool();
}

// The seed is a 64-bit unsigned integer: a JSON number (exact up to 2^53) or a string of digits.
std::uint64_t seedValue(const QJsonObject& o, std::uint64_t fallback)
{
    const QJsonValue v = o.value(QLatin1String("seed"));
    if (v.isUndefined())
        return fallback;
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d >= 0 && d <= 9007199254740992.0 && d == std::floor(d))
            return static_cast<std::uint64_t>(d);
    } else if (v.isString()) {
        bool ok = false;
        const std::uint64_t seed = v.toString().toULongLong(&ok);
        if (ok && !v.toString().startsWith(QLatin1Char('-')) && !v.toString().startsWith(QLatin1Char('+')))
            return seed;
    }
    bad(QCoreApplication::translate(
        "ada::Scenario",
        "scenario: \"seed\" must be a non-negative integer (a number up to 2^53, or a "
        "string of digits up to 18446744073709551615)"));
}

template <typename F>
auto named(const char* key, F&& parse)
{
    try {
        return parse();
    } catch (const std::invalid_argument& e) {
        bad(QCoreApplication::translate("ada::Scenario", "scenario: \"%1\": %2")
                .arg(QLatin1String(key), QString::fromUtf8(e.what())));
    }
}

} // namespace

QJsonObject Scenario::toJson() const
{
    QJsonObject c{
        {"eps", config.epsilon},
        {"delta", config.delta},
        {"k", config.k},
        {"preset", QString::fromUtf8(toString(config.preset).data())},
        {"sampler", QString::fromUtf8(toString(config.sampler).data())},
        {"weights", QString::fromUtf8(toString(config.weights).data())},
        {"exact_winner", config.exactWinner},
        {"warmup_cap", config.warmupCap},
        {"hadamard", config.hadamard},
        {"fudge_best", config.fudge.bestArms},
        {"fudge_log", config.fudge.logNorm},
    };
    // A JSON number holds integers exactly up to 2^53; larger seeds are written as strings.
    if (config.seed <= (std::uint64_t(1) << 53))
        c["seed"] = double(config.seed);
    else
        c["seed"] = QString::number(config.seed);
    if (config.temperature)
        c["temperature"] = *config.temperature;
    if (config.noiseBound)
        c["noise_bound"] = *config.noiseBound;
    return QJsonObject{{"format", "adasoftmax-scenario"},
                       {"version", 1},
                       {"dataset", dataset},
                       {"query", query},
                       {"config", c}};
}

Scenario Scenario::fromJson(const QJsonObject& o)
{
    requireKnownKeys(o, {"format", "version", "dataset", "query", "config"},
                     QCoreApplication::translate("ada::Scenario", "the scenario"));
    if (o.contains("format") && o.value("format").toString() != QLatin1String("adasoftmax-scenario"))
        bad(QCoreApplication::translate("ada::Scenario",
                                        "scenario: \"format\" must be \"adasoftmax-scenario\""));
    if (number(o, "version", 1) > 1)
        bad(QCoreApplication::translate("ada::Scenario",
                                        "scenario: version %1 is newer than this build reads (1)")
                .arg(number(o, "version", 1)));
    Scenario s;
    s.dataset = text(o, "dataset", QString());
    if (s.dataset.isEmpty())
        bad(QCoreApplication::translate("ada::Scenario", "scenario: \"dataset\" is missing"));
    const double q = number(o, "query", 0);
    if (q < 0 || q != std::floor(q) || q > 2147483647.0)
        bad(QCoreApplication::translate("ada::Scenario",
                                        "scenario: \"query\" must be a non-negative integer"));
    s.query = static_cast<int>(q);
    const QJsonValue cv = o.value("config");
    if (!cv.isUndefined() && !cv.isObject())
        bad(QCoreApplication::translate("ada::Scenario", "scenario: \"config\" must be an object"));
    const QJsonObject c = cv.toObject();
    requireKnownKeys(c,
                     {"eps", "delta", "k", "temperature", "preset", "sampler", "weights", "exact_winner",
                      "warmup_cap", "hadamard", "noise_bound", "fudge_best", "fudge_log", "seed"},
                     QStringLiteral("\"config\""));
    const Preset preset
        = named("preset", [&] { return parsePreset(text(c, "preset", "paper").toStdString()); });
    Config base;
    base.epsilon = number(c, "eps", 0.3);
    base.delta = number(c, "delta", 0.1);
    const double k = number(c, "k", 1);
    if (k != std::floor(k) || std::abs(k) > 2147483647.0)
        bad(QCoreApplication::translate("ada::Scenario", "scenario: \"k\" must be an integer"));
    base.k = static_cast<int>(k);
    if (c.contains("temperature"))
        base.temperature = number(c, "temperature", 1.0);
    if (c.contains("noise_bound"))
        base.noiseBound = number(c, "noise_bound", 1.0);
    base.seed = seedValue(c, 42);
    Config cfg = Config::forPreset(preset, base);
    if (c.contains("sampler"))
        cfg.sampler = named("sampler", [&] { return parseSampler(text(c, "sampler", "").toStdString()); });
    if (c.contains("weights"))
        cfg.weights
            = named("weights", [&] { return parseImportanceWeights(text(c, "weights", "").toStdString()); });
    cfg.exactWinner = boolean(c, "exact_winner", cfg.exactWinner);
    cfg.hadamard = boolean(c, "hadamard", false);
    cfg.warmupCap = number(c, "warmup_cap", cfg.warmupCap);
    cfg.fudge.bestArms = number(c, "fudge_best", 1.0);
    cfg.fudge.logNorm = number(c, "fudge_log", 1.0);
    named("config", [&] {
        cfg.validate();
        return 0;
    });
    s.config = cfg;
    return s;
}

Scenario Scenario::load(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error(QCoreApplication::translate("ada::Scenario", "cannot open %1: %2")
                                     .arg(path, file.errorString())
                                     .toStdString());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        bad(QCoreApplication::translate("ada::Scenario", "%1: not valid JSON (%2 at offset %3)")
                .arg(path, error.errorString())
                .arg(error.offset));
    if (!doc.isObject())
        bad(QCoreApplication::translate("ada::Scenario", "%1: a scenario is a JSON object").arg(path));
    try {
        return fromJson(doc.object());
    } catch (const std::invalid_argument& e) {
        bad(QCoreApplication::translate("ada::Scenario", "%1: %2").arg(path, QString::fromUtf8(e.what())));
    }
}

void Scenario::save(const QString& path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw std::runtime_error(QCoreApplication::translate("ada::Scenario", "cannot write %1: %2")
                                     .arg(path, file.errorString())
                                     .toStdString());
    file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit())
        throw std::runtime_error(QCoreApplication::translate("ada::Scenario", "cannot write %1: %2")
                                     .arg(path, file.errorString())
                                     .toStdString());
}

} // namespace ada
