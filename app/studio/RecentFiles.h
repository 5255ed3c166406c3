// The File ▸ Open recent list: at most eight paths, newest first, kept in QSettings.
#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

namespace ada {

class RecentFiles : public QObject {
    Q_OBJECT

public:
    static constexpr int kMax = 8;

    // Fills `menu` (owned by the caller) now and whenever the list changes.
    explicit RecentFiles(QMenu* menu, QObject* parent = nullptr);
    void add(const QString& path);
    void clear();
    [[nodiscard]] static QStringList paths();

signals:
    void openRequested(const QString& path);

private:
    void rebuild();

    QMenu* menu_;
};

} // namespace ada
