#pragma once

#include "core/tenancy/tenant.h"

#include <QHash>
#include <QSortFilterProxyModel>

#include <optional>

namespace Tenantry::Widgets {

// Narrows and sorts a TenantTableModel for the tenants view: a search text matched as a
// case-insensitive substring of the slug, the display name, the status or the plan (its
// code or its label in the current language, so "susp" finds suspended tenants and "pro"
// those on Pro), and an optional single status. Sorts by TenantTableModel::SortRole, so
// statuses sort in lifecycle order, plans by tier and creation times chronologically.
// Works on any source model that answers TenantTableModel's SlugRole, DisplayNameRole,
// StatusRole and PlanRole. GUI thread only.
class TenantFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit TenantFilterProxy(QObject *parent = nullptr);

    // Leading and trailing spaces are ignored; empty matches every tenant.
    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }

    // std::nullopt shows every status.
    void setStatusFilter(std::optional<TenantStatus> status);
    std::optional<TenantStatus> statusFilter() const { return m_status; }

    // The index here, at `column`, of the tenant `slug` of the source TenantTableModel;
    // invalid when the source is another model, does not hold it, or it is filtered out
    // (knownInSource then says which).
    QModelIndex indexOfSlug(const QString &slug, int column = 0, bool *knownInSource = nullptr) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool planMatches(const QString &plan) const;

    QString m_search;
    // Which statuses the search names, one bit per TenantStatus; computed once per search
    // so a row costs no translation lookups.
    unsigned m_statusMatches = 0;
    // Plan code -> whether the search names it, filled as plans are met (there are few).
    mutable QHash<QString, bool> m_planMatches;
    std::optional<TenantStatus> m_status;
};

} // namespace Tenantry::Widgets
