#pragma once

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/observe/audittrail.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLineEdit;

namespace Tenantry::Widgets {

class AuditTableModel;

// The Audit Log's filter row: tenant (a slug from the list, or typed: a slug or a tenant id),
// actor, action (exact or a prefix such as "tenant.*", common ones offered), a time range
// (presets, or a custom range with two optional ends), and Apply / Reset. Enter in a text
// field applies. It only builds the query; the page loads it. GUI thread only.
class AuditFilterBar final : public QWidget
{
    Q_OBJECT

public:
    enum class TimeRange { Any, LastHour, LastDay, LastWeek, Custom };

    // Tenant slugs and ids come from `names` (not owned; must outlive the bar).
    explicit AuditFilterBar(const AuditTableModel *names, QWidget *parent = nullptr);

    // The query the row describes now: newest first, no cursor, default limit. Relative
    // ranges count back from clock(). Errors: "unknown-tenant" when the tenant box names no
    // known slug and is not a tenant id.
    Result<Observe::AuditQuery> query() const;

    // Fill the row (nothing is applied). An empty tenant means all tenants.
    void setTenant(const QString &slugOrId);
    void setActor(const QString &actor);
    void setAction(const QString &action);
    void setTimeRange(TimeRange range);
    // Custom range ends; an invalid QDateTime leaves that end open.
    void setCustomRange(const QDateTime &from, const QDateTime &to);
    // Every filter back to "any".
    void clear();

    // The time source of the relative ranges; the system clock by default. Not owned.
    void setClock(const Clock *clock);

public Q_SLOTS:
    // Reloads the tenant list from the names model, keeping what is typed or chosen.
    void refreshTenantChoices();

Q_SIGNALS:
    void applyRequested();
    void resetRequested();

private:
    void updateRangeEditors();

    const AuditTableModel *m_names;
    SystemClock m_systemClock;
    const Clock *m_clock = &m_systemClock;

    QComboBox *m_tenant = nullptr;
    QLineEdit *m_actor = nullptr;
    QComboBox *m_action = nullptr;
    QComboBox *m_range = nullptr;
    QWidget *m_customRange = nullptr;
    QCheckBox *m_fromEnabled = nullptr;
    QDateTimeEdit *m_from = nullptr;
    QCheckBox *m_toEnabled = nullptr;
    QDateTimeEdit *m_to = nullptr;
};

} // namespace Tenantry::Widgets
