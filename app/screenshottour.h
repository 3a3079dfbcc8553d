#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace Tenantry::Widgets {
class MainWindow;
}

namespace Tenantry::App {

// `tenantry --screenshots DIR`: walks the console through every page, each with something
// chosen to show (a tenant, a subscription), saves the window as DIR/console-<area><suffix>.png
// and quits. Monitoring comes last, after the others gave the server's traffic time to draw
// its charts. For the documentation's pictures (scripts/screenshots.sh); GUI thread only.
class ScreenshotTour final : public QObject
{
    Q_OBJECT

public:
    // `window` gives the current window; `suffix` ends each file name ("" or "-zh").
    ScreenshotTour(std::function<Widgets::MainWindow &()> window, QString dir, QString suffix,
                   QObject *parent = nullptr);

    // Starts once the event loop runs; `focusSlug` is the tenant each page shows.
    void start(const QString &focusSlug);

private:
    void step();
    void openNewTenant();
    void openPlanChange();
    bool shoot(const QString &area);

    std::function<Widgets::MainWindow &()> m_window;
    QString m_dir;
    QString m_suffix;
    QString m_focus;
    int m_next = 0;
    int m_failures = 0;
};

} // namespace Tenantry::App
