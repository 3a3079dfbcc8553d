#pragma once

#include "core/tenancy/tenant.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QGridLayout;
class QLabel;
class QListWidget;
class QProgressBar;
class QTimer;

namespace Tenantry::Observe {
class AuditTrail;
}

namespace Tenantry::Widgets {

class UsageSource;

// The lower half of the Tenants page's detail pane: what the selected tenant uses of each
// of its limits, as bars (amber from 80 %, red from 95 %, like the alerts), and its latest
// entries in the audit trail. Usage is read again every two seconds while shown, the
// activity every ten. Either source may be null; its section is then not shown.
// Borrows both; they must outlive the widget. GUI thread only.
class TenantInsights final : public QWidget
{
    Q_OBJECT

public:
    TenantInsights(UsageSource *usage, Observe::AuditTrail *audit, QWidget *parent = nullptr);

    // Shows `tenant` (none: empties both sections).
    void showTenant(const std::optional<Tenant> &tenant);

    // For tests: the dimensions shown with their bar's value (0..1000), and the activity lines.
    QHash<QString, int> usageBars() const;
    QStringList activity() const;

public Q_SLOTS:
    void refreshUsage();
    void refreshActivity();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    struct Bar {
        QLabel *label = nullptr;
        QProgressBar *bar = nullptr;
    };

    UsageSource *m_usage;
    Observe::AuditTrail *m_audit;
    std::optional<Tenant> m_tenant;
    QGridLayout *m_bars = nullptr;
    QLabel *m_usageNote = nullptr;
    QHash<QString, Bar> m_shown;
    QListWidget *m_activity = nullptr;
    QTimer *m_timer;
    int m_ticks = 0;
};

} // namespace Tenantry::Widgets
