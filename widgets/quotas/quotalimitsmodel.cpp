#include "widgets/quotas/quotalimitsmodel.h"

#include "core/quota/limitsjson.h"
#include "widgets/monitoring/monitoringformat.h"

#include <QApplication>
#include <QColor>
#include <QFont>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QStyle>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Tenantry::Widgets {
namespace {

struct Dimension {
    const char *key;
    const char *label;
    const char *help;
};

// The built-in dimensions in the order an operator thinks of them.
const Dimension kDimensions[] = {
    {"api_calls_per_day", QT_TRANSLATE_NOOP("Tenantry::Widgets::QuotaLimitsModel", "API calls per day"),
     QT_TRANSLATE_NOOP("Tenantry::Widgets::QuotaLimitsModel",
                       "Requests per calendar day in the tenant's time zone, weighted by route costs.")},
    {"api_calls_per_month", QT_TRANSLATE_NOOP("Tenantry::Widgets::QuotaLimitsModel", "API calls per month"),
     QT_TRANSLATE_NOOP("Tenantry::Widgets::QuotaLimitsModel",
                       "Requests per calendar month in the tenant's time zone, weighted by route costs.")},
    {"rate_per_second", QT_TRANSLATE_NOOP("Tenantry::Widgets::QuotaLimitsModel", "Request rate"),
     QT_TRANSLATE_NOOP("Tenantry::Widgets::QuotaLimitsModel", "Sustained requests per second (may be fractional).")},
    {"burst", QT_TRANSLATE_NOOP("Tenantry::Widgets::QuotaLimitsModel", "Burst"),
     QT_TRANSLATE_NOOP("Tenantry::Widgets::QuotaLimitsModel",
                       "Requests allowed at once above the rate; needs a rate. Unset: one second's worth.")},
    {"max_concurrent", QT_TRANSLATE_NOOP("Tenantry::Widgets::QuotaLimitsModel", "Concurrent requests"),
     QT_TRANSLATE_NOOP("Tenantry::Widgets::QuotaLimitsModel", "Requests in flight at the same time.")},
    {"storage_bytes", QT_TRANSLATE_NOOP("Tenantry::Widgets::QuotaLimitsModel", "Storage"),
     QT_TRANSLATE_NOOP("Tenantry::Widgets::QuotaLimitsModel",
                       "Size of the tenant's data; writes are refused from the limit on. Units: KB, MB, GB, KiB, MiB, GiB, TiB.")},
    {"db_connections", QT_TRANSLATE_NOOP("Tenantry::Widgets::QuotaLimitsModel", "Database connections"),
     QT_TRANSLATE_NOOP("Tenantry::Widgets::QuotaLimitsModel", "Transactions on the tenant's data open at once.")},
};

const Dimension *dimensionOf(const QString &key)
{
    for (const Dimension &d : kDimensions) {
        if (key == QLatin1StringView(d.key))
            return &d;
    }
    return nullptr;
}

const Quota::CustomRule *findRule(const Quota::Limits &limits, const QString &name)
{
    for (const Quota::CustomRule &rule : limits.rules) {
        if (rule.name == name)
            return &rule;
    }
    return nullptr;
}

QString windowText(Quota::RuleWindow window)
{
    switch (window) {
    case Quota::RuleWindow::Minute: return QuotaLimitsModel::tr("minute");
    case Quota::RuleWindow::Hour: return QuotaLimitsModel::tr("hour");
    case Quota::RuleWindow::Day: return QuotaLimitsModel::tr("day");
    case Quota::RuleWindow::Month: return QuotaLimitsModel::tr("month");
    }
    return {};
}

QString ruleText(const Quota::CustomRule *rule)
{
    if (!rule)
        return QuotaLimitsModel::tr("Unlimited");
    const QString limit = QLocale().toString(rule->limit);
    if (rule->metric == Quota::RuleMetric::Records)
        return QuotaLimitsModel::tr("%1 records of %2").arg(limit, rule->entity);
    return QuotaLimitsModel::tr("%1 per %2").arg(limit, windowText(rule->window));
}

// The words that lift a limit, in English and in the console's language.
bool meansUnlimited(const QString &text)
{
    static const QSet<QString> english{u"unlimited"_s, u"none"_s, u"no limit"_s, u"∞"_s, u"-"_s, u"null"_s};
    const QString lower = text.toLower();
    return english.contains(lower) || lower == QuotaLimitsModel::tr("unlimited").toLower();
}

// Parses a number as the operator's locale writes it, or as C does ("10,000" and "10000").
std::optional<double> parseNumber(const QString &text)
{
    bool ok = false;
    double value = QLocale().toDouble(text, &ok);
    if (!ok)
        value = QLocale::c().toDouble(QString(text).remove(u','), &ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

// An exact binary unit when there is one, so the text reads back to the same bytes.
QString bytesForEditing(qint64 bytes)
{
    static const std::pair<qint64, const char *> units[] = {
        {qint64(1) << 40, "TiB"}, {qint64(1) << 30, "GiB"}, {qint64(1) << 20, "MiB"}, {qint64(1) << 10, "KiB"}};
    for (const auto &[size, name] : units) {
        if (bytes >= size && bytes % size == 0)
            return u"%1 %2"_s.arg(bytes / size).arg(QLatin1StringView(name));
    }
    return QString::number(bytes);
}

} // namespace

QString dimensionLabel(const QString &key)
{
    if (key.startsWith("rule:"_L1))
        return QuotaLimitsModel::tr("Rule: %1").arg(key.mid(5));
    const Dimension *d = dimensionOf(key);
    return d ? QuotaLimitsModel::tr(d->label) : key;
}

QString formatLimit(const QString &key, double value)
{
    if (value <= 0)
        return QuotaLimitsModel::tr("Unlimited");
    if (key == "storage_bytes"_L1)
        return QLocale().formattedDataSize(qint64(value), 1, QLocale::DataSizeIecFormat);
    if (key == "rate_per_second"_L1)
        return QuotaLimitsModel::tr("%1 /s").arg(MonitoringFormat::rate(value));
    return QLocale().toString(qint64(value));
}

QString formatUsage(const Quota::DimensionUsage &u)
{
    const bool storage = u.name == "storage_bytes"_L1;
    const bool rule = u.name.startsWith("rule:"_L1);
    const QString used = storage ? QLocale().formattedDataSize(u.used, 1, QLocale::DataSizeIecFormat)
                                 : QLocale().toString(u.used);
    if (u.limit <= 0)
        return used;
    return QuotaLimitsModel::tr("%1 of %2 (%3)")
        .arg(used, rule ? QLocale().toString(u.limit) : formatLimit(u.name, double(u.limit)),
             MonitoringFormat::percent(double(u.used) / double(u.limit)));
}

QString formatResetIn(qint64 seconds)
{
    if (seconds < 0)
        return {};
    if (seconds < 60)
        return QuotaLimitsModel::tr("in %1 s").arg(seconds);
    const qint64 minutes = (seconds + 59) / 60;
    if (minutes < 60)
        return QuotaLimitsModel::tr("in %1 min").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return QuotaLimitsModel::tr("in %1 h %2 min").arg(hours).arg(minutes % 60);
    return QuotaLimitsModel::tr("in %1 d %2 h").arg(hours / 24).arg(hours % 24);
}

QuotaLimitsModel::QuotaLimitsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void QuotaLimitsModel::setSettings(const Quota::TenantQuotaSettings &settings)
{
    beginResetModel();
    m_settings = settings;
    m_hasSettings = true;
    m_overrides = settings.overrides;
    m_preview = settings.effective;
    rebuildRows();
    endResetModel();
}

void QuotaLimitsModel::setUsage(const QList<Quota::DimensionUsage> &usage)
{
    m_usage = usage;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, UsageColumn), index(int(m_rows.size()) - 1, ResetColumn));
}

void QuotaLimitsModel::clear()
{
    beginResetModel();
    m_settings = {};
    m_hasSettings = false;
    m_overrides = {};
    m_preview = {};
    m_usage.clear();
    m_rows.clear();
    endResetModel();
}

void QuotaLimitsModel::revert()
{
    if (m_hasSettings)
        setSettings(Quota::TenantQuotaSettings(m_settings));
}

void QuotaLimitsModel::inheritAll()
{
    for (const Dimension &d : kDimensions)
        m_overrides.remove(QLatin1StringView(d.key));
    preview();
}

void QuotaLimitsModel::rebuildRows()
{
    m_rows.clear();
    if (!m_hasSettings)
        return;
    for (const Dimension &d : kDimensions)
        m_rows.append({QString::fromLatin1(d.key), {}, {}});
    // The plan's rules, then those only the tenant has, each once.
    QStringList names;
    for (const Quota::Limits *limits : {&m_settings.planLimits, &m_preview}) {
        for (const Quota::CustomRule &rule : limits->rules) {
            if (!names.contains(rule.name))
                names.append(rule.name);
        }
    }
    for (const QString &name : std::as_const(names))
        m_rows.append({u"rule:"_s + name, name, {}});
}

void QuotaLimitsModel::preview()
{
    for (Row &row : m_rows)
        row.error.clear();
    // The service's own checks: the overrides alone (so they survive a plan change), then on
    // top of the plan. A failed check keeps the last good preview.
    auto alone = Quota::applyLimitsJson({}, m_overrides);
    auto merged = alone ? Quota::applyLimitsJson(m_settings.planLimits, m_overrides) : Result<Quota::Limits>(alone.error());
    if (merged)
        m_preview = merged.value();
    beginResetModel();
    rebuildRows();
    endResetModel();
    if (!merged)
        setFieldErrors(merged.error().fields);
}

QList<FieldError> QuotaLimitsModel::setFieldErrors(const QList<FieldError> &errors)
{
    QList<FieldError> unplaced;
    for (const FieldError &error : errors) {
        // "/storage_bytes" names a built-in row; "/rules/..." and "/costs/..." no row here.
        const QString key = error.field.startsWith(u'/') ? error.field.mid(1) : error.field;
        bool placed = false;
        for (int r = 0; r < m_rows.size(); ++r) {
            if (m_rows[r].ruleName.isEmpty() && m_rows[r].key == key) {
                m_rows[r].error = error.message;
                Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
                placed = true;
            }
        }
        if (!placed)
            unplaced.append(error);
    }
    return unplaced;
}

bool QuotaLimitsModel::hasErrors() const
{
    return std::any_of(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return !r.error.isEmpty(); });
}

int QuotaLimitsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QuotaLimitsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

double QuotaLimitsModel::valueOf(const Quota::Limits &limits, const QString &key)
{
    if (key == "api_calls_per_day"_L1)
        return double(limits.apiCallsPerDay);
    if (key == "api_calls_per_month"_L1)
        return double(limits.apiCallsPerMonth);
    if (key == "rate_per_second"_L1)
        return limits.ratePerSecond;
    if (key == "burst"_L1)
        return double(limits.burst);
    if (key == "max_concurrent"_L1)
        return double(limits.maxConcurrent);
    if (key == "storage_bytes"_L1)
        return double(limits.storageBytes);
    if (key == "db_connections"_L1)
        return double(limits.dbConnections);
    return 0;
}

QString QuotaLimitsModel::label(const Row &row) const
{
    return dimensionLabel(row.key);
}

QString QuotaLimitsModel::planText(const Row &row) const
{
    if (!m_settings.planKnown)
        return tr("(unknown plan)");
    if (!row.ruleName.isEmpty())
        return ruleText(findRule(m_settings.planLimits, row.ruleName));
    if (row.key == "burst"_L1 && m_settings.planLimits.burst == 0 && m_settings.planLimits.ratePerSecond > 0)
        return tr("1 s of rate");
    return formatLimit(row.key, valueOf(m_settings.planLimits, row.key));
}

QString QuotaLimitsModel::overrideText(const Row &row) const
{
    if (!row.ruleName.isEmpty()) {
        // The tenant's own rule of that name (or its removal of the plan's) is the override.
        for (const QJsonValue &rule : m_overrides.value(u"rules"_s).toArray()) {
            if (rule[u"name"_s].toString() == row.ruleName)
                return rule[u"limit"_s].isNull() ? tr("Removed") : ruleText(findRule(m_preview, row.ruleName));
        }
        return {};
    }
    const QJsonValue value = m_overrides.value(row.key);
    if (value.isUndefined())
        return {};
    if (value.isNull())
        return tr("Unlimited");
    return formatLimit(row.key, value.toDouble());
}

QString QuotaLimitsModel::effectiveText(const Row &row) const
{
    if (!row.ruleName.isEmpty())
        return ruleText(findRule(m_preview, row.ruleName));
    if (row.key == "burst"_L1 && m_preview.burst == 0 && m_preview.ratePerSecond > 0)
        return formatLimit(row.key, double(m_preview.effectiveBurst()));
    return formatLimit(row.key, valueOf(m_preview, row.key));
}

const Quota::DimensionUsage *QuotaLimitsModel::usageOf(const Row &row) const
{
    for (const Quota::DimensionUsage &u : m_usage) {
        if (u.name == row.key)
            return &u;
    }
    return nullptr;
}

QString QuotaLimitsModel::usageText(const Row &row) const
{
    const Quota::DimensionUsage *u = usageOf(row);
    return u ? formatUsage(*u) : QString();
}

QVariant QuotaLimitsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const bool overridden = row.ruleName.isEmpty() && m_overrides.contains(row.key);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DimensionColumn: return label(row);
        case PlanColumn: return planText(row);
        case OverrideColumn: return overrideText(row);
        case EffectiveColumn: return effectiveText(row);
        case UsageColumn: return usageText(row);
        case ResetColumn: {
            const Quota::DimensionUsage *u = usageOf(row);
            return u ? formatResetIn(u->resetSeconds) : QString();
        }
        }
        return {};
    case Qt::EditRole:
        if (index.column() == OverrideColumn && row.ruleName.isEmpty()) {
            const QJsonValue value = m_overrides.value(row.key);
            if (value.isUndefined())
                return QString();
            if (value.isNull())
                return tr("unlimited");
            if (row.key == "storage_bytes"_L1)
                return bytesForEditing(qint64(value.toDouble()));
            return QLocale::c().toString(value.toDouble(), 'g', 15);
        }
        return data(index, Qt::DisplayRole);
    case Qt::ToolTipRole:
        if (!row.error.isEmpty())
            return row.error;
        if (index.column() == OverrideColumn && row.ruleName.isEmpty())
            return tr("Empty: the plan's limit holds. \"unlimited\": no limit. Otherwise a number.");
        if (index.column() == DimensionColumn) {
            if (!row.ruleName.isEmpty())
                return tr("A custom rule; rules are changed with the admin API or the command line.");
            if (const Dimension *d = dimensionOf(row.key))
                return tr(d->help);
        }
        return {};
    case Qt::ForegroundRole:
        if (!row.error.isEmpty() && (index.column() == OverrideColumn || index.column() == DimensionColumn))
            return QColor(0xc6, 0x28, 0x28);
        return {};
    case Qt::DecorationRole:
        if (!row.error.isEmpty() && index.column() == OverrideColumn)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::FontRole:
        if (index.column() == EffectiveColumn && overridden) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == DimensionColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                                 : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case KeyRole:
        return row.key;
    case ErrorRole:
        return row.error;
    case UsageRatioRole:
        if (index.column() == UsageColumn) {
            const Quota::DimensionUsage *u = usageOf(row);
            if (u && u->limit > 0)
                return double(u->used) / double(u->limit);
        }
        return {};
    }
    return {};
}

QuotaLimitsModel::ParsedOverride QuotaLimitsModel::parseOverride(const QString &key, const QString &typed)
{
    ParsedOverride out;
    const QString text = typed.trimmed();
    if (text.isEmpty()) {
        out.inherit = true;
        return out;
    }
    if (meansUnlimited(text)) {
        out.value = QJsonValue::Null;
        return out;
    }
    double value = 0;
    if (key == "storage_bytes"_L1) {
        static const QRegularExpression pattern(u"^([0-9][0-9.,]*)\\s*([a-zA-Z]*)$"_s);
        const QRegularExpressionMatch m = pattern.match(text);
        static const QHash<QString, double> units{
            {u""_s, 1}, {u"b"_s, 1}, {u"kb"_s, 1e3}, {u"mb"_s, 1e6}, {u"gb"_s, 1e9}, {u"tb"_s, 1e12},
            {u"kib"_s, 1024.0}, {u"mib"_s, 1048576.0}, {u"gib"_s, 1073741824.0}, {u"tib"_s, 1099511627776.0}};
        const auto number = m.hasMatch() ? parseNumber(m.captured(1)) : std::nullopt;
        const auto unit = m.hasMatch() ? units.constFind(m.captured(2).toLower()) : units.cend();
        if (!number || unit == units.cend()) {
            out.error = tr("Enter a size such as 500 MB or 20 GiB, \"unlimited\", or nothing for the plan's limit.");
            return out;
        }
        value = std::round(*number * unit.value());
    } else {
        const auto number = parseNumber(text);
        const bool whole = key != "rate_per_second"_L1;
        if (!number || (whole && *number != std::floor(*number))) {
            out.error = whole ? tr("Enter a whole number, \"unlimited\", or nothing for the plan's limit.")
                              : tr("Enter requests per second (e.g. 2.5), \"unlimited\", or nothing for the plan's limit.");
            return out;
        }
        value = *number;
    }
    if (value <= 0) {
        out.error = tr("A limit must be above zero; write \"unlimited\" for no limit.");
        return out;
    }
    out.value = value;
    return out;
}

bool QuotaLimitsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    Row &row = m_rows[index.row()];
    const ParsedOverride parsed = parseOverride(row.key, value.toString());
    if (!parsed.error.isEmpty()) {
        row.error = parsed.error;
        Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
        return false;
    }
    if (parsed.inherit)
        m_overrides.remove(row.key);
    else
        m_overrides.insert(row.key, parsed.value);
    preview();
    return true;
}

Qt::ItemFlags QuotaLimitsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == OverrideColumn && m_rows.at(index.row()).ruleName.isEmpty())
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant QuotaLimitsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DimensionColumn: return tr("Limit");
    case PlanColumn: return tr("Plan");
    case OverrideColumn: return tr("Override");
    case EffectiveColumn: return tr("In effect");
    case UsageColumn: return tr("Used");
    case ResetColumn: return tr("Resets");
    }
    return {};
}

} // namespace Tenantry::Widgets
