// A non-modal message area at the top of the window: errors (bad file, bad parameter, failed run)
// stay visible until dismissed or until the next success, and never block (tests included).
#pragma once

#include <QWidget>

class QLabel;

namespace ada {

class MessageBanner : public QWidget {
    Q_OBJECT

public:
    enum class Level { Error, Warning, Info };

    explicit MessageBanner(QWidget* parent = nullptr);
    void show(Level level, const QString& message);
    void dismiss();
    [[nodiscard]] QString text() const;

private:
    QLabel* label_;
};

} // namespace ada
