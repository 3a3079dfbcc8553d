#pragma once

#include "core/tenancy/tenant.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace Tenantry::Widgets {

// Narrows and sorts a TenantTableModel for the tenants view: a search text matched as a
// case-insensitive substring of the slug or the display name, and an optional single
// status. Sorts by TenantTableModel::SortRole, so statuses sort in lifecycle order, plans
// by tier and creation times chronologically. Works on any source model that answers
// TenantTableModel's SlugRole, DisplayNameRole and StatusRole. GUI thread only.
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

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_search;
    std::optional<TenantStatus> m_status;
};

} // namespace Tenantry::Widgets
