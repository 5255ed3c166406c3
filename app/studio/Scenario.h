// A scenario: dataset + query + configuration + seed, saved as a small JSON file that the studio
// (File ▸ Open scenario, --scenario FILE) opens again (DESIGN.md "Files and formats").
#pragma once

#include "core/Config.h"

#include <QJsonObject>
#include <QString>

namespace ada {

struct Scenario {
    QString dataset = QStringLiteral("synthetic:noisy?n=40&d=4000&m=20&seed=1");
    int query = 0;
    Config config;

    [[nodiscard]] QJsonObject toJson() const;
    // Throws std::invalid_argument naming the field and the problem (wrong type, out of range, unknown name).
    [[nodiscard]] static Scenario fromJson(const QJsonObject& object);
    // Throws std::invalid_argument (malformed JSON names the offset) or std::runtime_error (I/O).
    [[nodiscard]] static Scenario load(const QString& path);
    void save(const QString& path) const;
};

} // namespace ada
