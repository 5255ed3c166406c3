// Help ▸ Keyboard shortcuts (F1): a translucent sheet over the main window listing the playback
// shortcuts. Any key or click closes it. The list is the one MainWindow::buildShortcuts installs.
#pragma once

#include <QKeySequence>
#include <QWidget>

#include <vector>

namespace ada {

struct ShortcutEntry {
    QKeySequence key;
    QString what;
};

class ShortcutOverlay : public QWidget {
    Q_OBJECT

public:
    ShortcutOverlay(std::vector<ShortcutEntry> entries, QWidget* parent);
    void showOver(); // covers the parent and takes the focus
    [[nodiscard]] QString text() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    std::vector<ShortcutEntry> entries_;
};

} // namespace ada
