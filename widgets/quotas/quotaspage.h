#pragma once

#include "core/base/error.h"
#include "core/tenancy/tenant.h"

#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace Tenantry::Quota {
class QuotaService;
}

namespace Tenantry::Widgets {

class MessageBanner;
class QuotaLimitsModel;
class TenantFilterProxy;
class TenantTableModel;
class UsageSource;

// The Quotas & Usage area of the console: the tenants on the left (search as you type),
// and for the chosen one its limits (plan, override, in effect) with the current use of
// each as a bar, refreshed every two seconds while the page is shown. Overrides are edited
// in place and checked as they are typed; Apply writes them all at once through
// QuotaService::setOverrides (one audited change, picked up by running servers without a
// restart), Revert drops them. Leaving a tenant with edits not applied asks first.
//
// Reads and writes through Quota::QuotaService and a UsageSource only; borrows the tenants
// model the Tenants page already keeps current. Owns none of them; they must outlive the
// page. GUI thread only.
class QuotasPage final : public QWidget
{
    Q_OBJECT

public:
    // Asked before edits of `tenant` not applied are dropped; true drops them.
    using DiscardConfirmation = std::function<bool(const Tenant &tenant)>;

    // `usage` may be null: the usage column then stays empty.
    QuotasPage(Quota::QuotaService *quotas, TenantTableModel *tenants, UsageSource *usage, QWidget *parent = nullptr);

    void setDiscardConfirmation(DiscardConfirmation confirm) { m_confirmDiscard = std::move(confirm); }

    // Chooses the tenant `slug` (clearing the search when it hides it); false when unknown or
    // when the operator kept edits of the current tenant.
    bool selectTenant(const QString &slug);
    std::optional<Tenant> currentTenant() const { return m_current; }

    QuotaLimitsModel *limitsModel() const { return m_limits; }
    QTableView *limitsView() const { return m_limitsView; }
    QTableView *tenantsView() const { return m_tenantsView; }
    MessageBanner *banner() const { return m_banner; }

public Q_SLOTS:
    // Writes the edited overrides; false (with the problems on their rows and in the banner)
    // when they were refused or could not be written.
    bool apply();
    void revert();
    // Asks the usage source again for the current tenant.
    void refreshUsage();
    // Reads the current tenant's limits again (dropping edits).
    void reload();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void chooseRow(const QModelIndex &proxyIndex);
    void load(const Tenant &tenant);
    void updateActions();
    void updateHeading();

    Quota::QuotaService *m_quotas;
    TenantTableModel *m_tenants;
    UsageSource *m_usage;
    TenantFilterProxy *m_proxy;
    QuotaLimitsModel *m_limits;
    QLineEdit *m_search;
    QTableView *m_tenantsView;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_empty;
    MessageBanner *m_banner;
    QTableView *m_limitsView;
    QPushButton *m_applyButton;
    QPushButton *m_revertButton;
    QPushButton *m_inheritButton;
    QTimer *m_usageTimer;
    std::optional<Tenant> m_current;
    bool m_reselecting = false;
    DiscardConfirmation m_confirmDiscard;
};

} // namespace Tenantry::Widgets
