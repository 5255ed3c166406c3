#include "Preferences.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QTranslator>

#include <memory>

namespace ada {

namespace {
const QString kLanguageKey = QStringLiteral("ui/language");
const QString kThemeKey = QStringLiteral("ui/theme");

std::unique_ptr<QTranslator>& studioTranslator()
{
    static std::unique_ptr<QTranslator> t;
    return t;
}
std::unique_ptr<QTranslator>& qtTranslator()
{
    static std::unique_ptr<QTranslator> t;
    return t;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(45, 45, 48), base(30, 30, 32), text(230, 230, 230), disabled(130, 130, 130);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(55, 55, 60));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(100, 160, 255));
    p.setColor(QPalette::Highlight, QColor(42, 130, 218));
    p.setColor(QPalette::HighlightedText, Qt::black);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}
} // namespace

std::vector<LanguageChoice> languageChoices()
{
    return {{QString(), QApplication::translate("Preferences", "System language")},
            {QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

QString languageSetting()
{
    return QSettings().value(kLanguageKey).toString();
}

void setLanguageSetting(const QString& code)
{
    QSettings().setValue(kLanguageKey, code);
}

bool installTranslations(const QString& code)
{
    for (auto* t : {&studioTranslator(), &qtTranslator()})
        if (*t) {
            QCoreApplication::removeTranslator(t->get());
            t->reset();
        }
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    QLocale::setDefault(locale); // numbers in the views follow the language too
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        qtTranslator() = std::move(qt);
    }
    auto studio = std::make_unique<QTranslator>();
    if (!studio->load(locale, QStringLiteral("adasoftmax"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        return false;
    QCoreApplication::installTranslator(studio.get());
    studioTranslator() = std::move(studio);
    return true;
}

Theme themeSetting()
{
    const QString t = QSettings().value(kThemeKey).toString();
    return t == QLatin1String("light") ? Theme::Light
        : t == QLatin1String("dark")   ? Theme::Dark
                                       : Theme::System;
}

void setThemeSetting(Theme theme)
{
    QSettings().setValue(kThemeKey,
                         theme == Theme::Light      ? QStringLiteral("light")
                             : theme == Theme::Dark ? QStringLiteral("dark")
                                                    : QStringLiteral("system"));
}

void applyTheme(Theme theme)
{
    if (theme == Theme::System) {
        if (isDarkPalette()) // Fusion draws a dark platform palette consistently
            QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        return;
    }
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(theme == Theme::Dark ? darkPalette() : QApplication::style()->standardPalette());
}

bool isDarkPalette()
{
    const QPalette p = QApplication::palette();
    return p.color(QPalette::Window).lightness() < p.color(QPalette::WindowText).lightness();
}

} // namespace ada
