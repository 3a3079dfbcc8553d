#include "widgets/audit/audittablemodel.h"

#include "core/tenancy/tenantservice.h"

#include <QLocale>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcAuditModel, "tenantry.console.audit")

using namespace Qt::StringLiterals;

namespace Tenantry::Widgets {

AuditTableModel::AuditTableModel(Observe::AuditTrail *trail, TenantService *tenants, QObject *parent)
    : QAbstractTableModel(parent)
    , m_trail(trail)
    , m_tenants(tenants)
{
    m_query.newestFirst = true;
    m_query.limit = m_pageSize;
    if (tenants)
        connect(tenants, &TenantService::tenantChanged, this, &AuditTableModel::applyTenantChange);
}

int AuditTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Observe::AuditEntry &e = m_entries.at(index.row());

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: return localTimeText(e.at);
        case ActorColumn: return e.actor;
        case TenantColumn: return e.tenantId.isEmpty() ? QString() : tenantLabel(e.tenantId);
        case ActionColumn: return e.action;
        case TargetColumn: return e.target;
        case SourceColumn: return e.source;
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn: return utcTimeText(e.at);
        case TenantColumn: return e.tenantId.isEmpty() ? QVariant() : tr("Tenant ID %1").arg(e.tenantId);
        case ActionColumn: {
            const QString description = actionDescription(e.action);
            return description.isEmpty() ? QVariant() : description;
        }
        case TargetColumn: return e.target;
        case SourceColumn:
            return e.requestId.isEmpty() ? QVariant() : tr("Request %1").arg(e.requestId);
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == ActionColumn) {
            if (const auto color = actionColor(e.action))
                return *color;
        }
        break;
    case SeqRole: return e.seq;
    case ActionRole: return e.action;
    }
    return {};
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time");
    case ActorColumn: return tr("Actor");
    case TenantColumn: return tr("Tenant");
    case ActionColumn: return tr("Action");
    case TargetColumn: return tr("Target");
    case SourceColumn: return tr("Source");
    }
    return {};
}

bool AuditTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_nextCursor != 0 && !m_fetchBroken;
}

void AuditTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    Observe::AuditQuery next = m_query;
    next.afterSeq = m_nextCursor;
    Result<Observe::AuditPage> page = m_trail->query(next);
    if (!page) {
        m_fetchBroken = true;
        Q_EMIT fetchFailed(page.error());
        return;
    }
    // The cursor must move towards older entries, or a misbehaving trail would make the
    // view fetch forever.
    const qint64 cursor = page->nextCursor;
    m_nextCursor = cursor != 0 && cursor < m_nextCursor ? cursor : 0;
    if (page->items.isEmpty())
        return;
    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + int(page->items.size()) - 1);
    m_entries.append(std::move(page).value().items);
    endInsertRows();
}

Status AuditTableModel::reload(const Observe::AuditQuery &query)
{
    if (!m_trail)
        return Error::unavailable(u"no-audit-trail"_s, tr("The console is not connected to an audit trail."));
    Observe::AuditQuery first = query;
    first.newestFirst = true;
    first.limit = m_pageSize;
    Result<Observe::AuditPage> page = m_trail->query(first);
    if (!page)
        return page.error();

    refreshTenantNames();
    beginResetModel();
    m_query = first;
    m_nextCursor = page->nextCursor;
    m_entries = std::move(page).value().items;
    m_fetchBroken = false;
    endResetModel();
    return {};
}

void AuditTableModel::setPageSize(int entries)
{
    m_pageSize = std::clamp(entries, 1, 1000);
    m_query.limit = m_pageSize;
}

const Observe::AuditEntry &AuditTableModel::entryAt(int row) const
{
    return m_entries.at(row);
}

int AuditTableModel::rowOfSeq(qint64 seq) const
{
    // Rows are in descending seq order.
    const auto it = std::lower_bound(m_entries.cbegin(), m_entries.cend(), seq,
                                     [](const Observe::AuditEntry &e, qint64 s) { return e.seq > s; });
    return it != m_entries.cend() && it->seq == seq ? int(it - m_entries.cbegin()) : -1;
}

QString AuditTableModel::tenantLabel(const QString &tenantId) const
{
    return m_slugById.value(tenantId, tenantId);
}

std::optional<QString> AuditTableModel::slugOf(const QString &tenantId) const
{
    const auto it = m_slugById.constFind(tenantId);
    return it == m_slugById.cend() ? std::nullopt : std::optional(it.value());
}

std::optional<QString> AuditTableModel::idOfSlug(const QString &slug) const
{
    for (auto it = m_slugById.cbegin(); it != m_slugById.cend(); ++it) {
        if (it.value().compare(slug, Qt::CaseInsensitive) == 0)
            return it.key();
    }
    return std::nullopt;
}

QStringList AuditTableModel::tenantSlugs() const
{
    QStringList slugs = m_slugById.values();
    slugs.sort();
    return slugs;
}

QString AuditTableModel::actionDescription(const QString &action)
{
    static const QHash<QString, const char *> descriptions = {
        {u"tenant.create"_s, QT_TR_NOOP("Tenant registered")},
        {u"tenant.clone"_s, QT_TR_NOOP("Tenant cloned from another tenant")},
        {u"tenant.configure"_s, QT_TR_NOOP("Tenant configuration changed")},
        {u"tenant.activate"_s, QT_TR_NOOP("Tenant activated")},
        {u"tenant.suspend"_s, QT_TR_NOOP("Tenant suspended")},
        {u"tenant.delete"_s, QT_TR_NOOP("Tenant deleted (restorable until purged)")},
        {u"tenant.restore"_s, QT_TR_NOOP("Tenant restored")},
        {u"tenant.purge"_s, QT_TR_NOOP("Tenant purged with its data")},
        {u"api_key.issue"_s, QT_TR_NOOP("API key issued")},
        {u"api_key.revoke"_s, QT_TR_NOOP("API key revoked")},
        {u"auth.failure"_s, QT_TR_NOOP("Failed authentication")},
        {u"anomaly.detected"_s, QT_TR_NOOP("Unusual traffic detected")},
    };
    const char *source = descriptions.value(action);
    return source ? tr(source) : QString();
}

std::optional<QColor> AuditTableModel::actionColor(const QString &action)
{
    // Mid-tone colours, legible on light and dark palettes (as the tenant status colours).
    if (action.startsWith("anomaly."_L1))
        return QColor(0xcf, 0x22, 0x2e);
    if (action == "auth.failure"_L1)
        return QColor(0xd1, 0x5b, 0x00);
    return std::nullopt;
}

QString AuditTableModel::localTimeText(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    const QDateTime local = time.toLocalTime();
    // Seconds matter in an audit trail; the locale's short time format drops them.
    return tr("%1 %2", "date, time with seconds")
        .arg(QLocale().toString(local.date(), QLocale::ShortFormat), local.time().toString(u"HH:mm:ss"_s));
}

QString AuditTableModel::utcTimeText(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return tr("%1 UTC").arg(time.toUTC().toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s));
}

void AuditTableModel::refreshTenantNames()
{
    if (!m_tenants)
        return;
    QHash<QString, QString> slugs;
    TenantQuery query;
    query.limit = 1000;
    for (;;) {
        Result<TenantPage> page = m_tenants->list(query);
        if (!page) {
            // The entries still show, with tenant ids instead of slugs.
            qCWarning(lcAuditModel).noquote() << "listing tenants for the audit log failed:" << page.error().message;
            return;
        }
        for (const Tenant &t : page->items)
            slugs.insert(t.id, t.slug);
        if (page->nextCursor.isEmpty() || page->nextCursor == query.afterSlug)
            break;
        query.afterSlug = page->nextCursor;
    }
    m_slugById = std::move(slugs);
    Q_EMIT tenantNamesChanged();
}

void AuditTableModel::applyTenantChange(const Tenant &tenant)
{
    if (tenant.status == TenantStatus::Purged)
        m_slugById.remove(tenant.id);
    else
        m_slugById.insert(tenant.id, tenant.slug);
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0, TenantColumn), index(int(m_entries.size()) - 1, TenantColumn));
    Q_EMIT tenantNamesChanged();
}

} // namespace Tenantry::Widgets
