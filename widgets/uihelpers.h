#pragma once

#include <QGuiApplication>
#include <QIcon>
#include <QStyle>
#include <QWidget>

namespace Tenantry::Widgets {

// Shows the wait cursor for its lifetime, restoring it however the scope is left.
class WaitCursor
{
public:
    WaitCursor() { QGuiApplication::setOverrideCursor(Qt::WaitCursor); }
    ~WaitCursor() { QGuiApplication::restoreOverrideCursor(); }
    WaitCursor(const WaitCursor &) = delete;
    WaitCursor &operator=(const WaitCursor &) = delete;
};

// The desktop theme's icon `name`, or the style's `fallback` where the theme has none.
inline QIcon themedIcon(const QWidget *widget, const QString &name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(name, widget->style()->standardIcon(fallback, nullptr, widget));
}

} // namespace Tenantry::Widgets
