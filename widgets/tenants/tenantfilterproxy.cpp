#include "widgets/tenants/tenantfilterproxy.h"

#include "widgets/tenants/tenanttablemodel.h"

namespace Tenantry::Widgets {

TenantFilterProxy::TenantFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(TenantTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

void TenantFilterProxy::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    m_statusMatches = 0;
    m_planMatches.clear();
    if (!m_search.isEmpty()) {
        for (TenantStatus status : {TenantStatus::Pending, TenantStatus::Active, TenantStatus::Suspended,
                                    TenantStatus::Deleted, TenantStatus::Purged}) {
            if (TenantTableModel::statusLabel(status).contains(m_search, Qt::CaseInsensitive)
                || statusName(status).contains(m_search, Qt::CaseInsensitive))
                m_statusMatches |= 1u << unsigned(status);
        }
    }
    invalidateFilter();
}

void TenantFilterProxy::setStatusFilter(std::optional<TenantStatus> status)
{
    if (status == m_status)
        return;
    m_status = status;
    invalidateFilter();
}

bool TenantFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *source = sourceModel();
    const QModelIndex index = source->index(sourceRow, 0, sourceParent);
    if (m_status && source->data(index, TenantTableModel::StatusRole).toInt() != int(*m_status))
        return false;
    if (m_search.isEmpty())
        return true;
    return source->data(index, TenantTableModel::SlugRole).toString().contains(m_search, Qt::CaseInsensitive)
        || source->data(index, TenantTableModel::DisplayNameRole).toString().contains(m_search, Qt::CaseInsensitive)
        || (m_statusMatches & (1u << unsigned(source->data(index, TenantTableModel::StatusRole).toInt())))
        || planMatches(source->data(index, TenantTableModel::PlanRole).toString());
}

bool TenantFilterProxy::planMatches(const QString &plan) const
{
    auto it = m_planMatches.constFind(plan);
    if (it == m_planMatches.cend()) {
        it = m_planMatches.insert(plan, plan.contains(m_search, Qt::CaseInsensitive)
                                            || TenantTableModel::planLabel(plan).contains(m_search, Qt::CaseInsensitive));
    }
    return it.value();
}

QModelIndex TenantFilterProxy::indexOfSlug(const QString &slug, int column, bool *knownInSource) const
{
    const auto *tenants = qobject_cast<const TenantTableModel *>(sourceModel());
    const int row = tenants ? tenants->rowOfSlug(slug) : -1;
    if (knownInSource)
        *knownInSource = row >= 0;
    return row >= 0 ? mapFromSource(tenants->index(row, column)) : QModelIndex();
}

} // namespace Tenantry::Widgets
