// Help ▸ About: the version, the source revision the build was configured from (git, captured by
// CMake), the Qt version, and what the studio is.
#pragma once

#include <QDialog>

namespace ada {

class AboutDialog : public QDialog {
    Q_OBJECT

public:
    explicit AboutDialog(QWidget* parent = nullptr);
    [[nodiscard]] static QString version();
    [[nodiscard]] static QString revision();
    [[nodiscard]] QString text() const;

private:
    QString text_;
};

} // namespace ada
