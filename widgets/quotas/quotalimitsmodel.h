#pragma once

#include "core/base/error.h"
#include "core/quota/quotagate.h"
#include "core/quota/quotaservice.h"

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace Tenantry::Widgets {

// One tenant's limits as the Quotas & Usage page edits them: a row per built-in dimension
// (calls per day and month, rate, burst, concurrency, storage, database connections) and
// one per custom rule, with what the plan says, the tenant's override, what holds in the
// end and the current use against it.
//
// Only the Override column is editable, as text: empty inherits the plan, "unlimited" (or
// "none", "∞") lifts the limit, anything else is a number, with a unit for storage
// ("20 GiB", "500 MB"). Edits collect in overrides() until the page applies them; custom
// rules and costs in the stored overrides are carried over untouched. Problems with an
// entry, found here or by the service, are shown on its row (ErrorRole, tooltip, red).
// GUI thread only.
class QuotaLimitsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { DimensionColumn, PlanColumn, OverrideColumn, EffectiveColumn, UsageColumn, ResetColumn, ColumnCount };
    enum Role {
        KeyRole = Qt::UserRole + 1, // QString: "api_calls_per_day", ..., "rule:<name>"
        UsageRatioRole,             // double 0..1+ on the Usage column; invalid when not limited or not measured
        ErrorRole,                  // QString: what is wrong with the row's override, empty when fine
    };

    explicit QuotaLimitsModel(QObject *parent = nullptr);

    // Shows `settings` with no pending edits and no errors; keeps the usage figures.
    void setSettings(const Quota::TenantQuotaSettings &settings);
    // Replaces the usage figures only (edits and errors stay), e.g. every few seconds.
    void setUsage(const QList<Quota::DimensionUsage> &usage);
    // Empties the table (no tenant chosen).
    void clear();

    // The overrides as edited, to hand to QuotaService::setOverrides.
    QJsonObject overrides() const { return m_overrides; }
    // True when overrides() differs from what is stored.
    bool isDirty() const { return m_overrides != m_settings.overrides; }
    // Drops the edits and their errors.
    void revert();
    // Removes every built-in override (rules and costs stay), as edits.
    void inheritAll();
    // Marks the rows the service's field errors name ("/storage_bytes", "/rules/0/limit");
    // returns the errors no row is named by.
    QList<FieldError> setFieldErrors(const QList<FieldError> &errors);
    bool hasErrors() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // An override as typed into the table for dimension `key`.
    struct ParsedOverride {
        bool inherit = false; // empty text: the plan's limit holds
        QJsonValue value;     // a number, or null for unlimited
        QString error;        // not empty: the text is not an override
    };
    static ParsedOverride parseOverride(const QString &key, const QString &text);

private:
    struct Row {
        QString key;
        QString ruleName; // for custom rules
        QString error;
    };

    void rebuildRows();
    // Checks the edited overrides as the service will and shows what would hold.
    void preview();
    QString label(const Row &row) const;
    QString planText(const Row &row) const;
    QString overrideText(const Row &row) const;
    QString effectiveText(const Row &row) const;
    const Quota::DimensionUsage *usageOf(const Row &row) const;
    QString usageText(const Row &row) const;
    // The value of `key` in `limits`, as a double (0: unlimited).
    static double valueOf(const Quota::Limits &limits, const QString &key);

    Quota::TenantQuotaSettings m_settings;
    bool m_hasSettings = false;
    QJsonObject m_overrides;
    Quota::Limits m_preview; // what holds with the edits, as of the last valid edit
    QList<Quota::DimensionUsage> m_usage;
    QList<Row> m_rows;
};

// What the console calls dimension `key` ("API calls per day", "Rule: record-writes").
QString dimensionLabel(const QString &key);
// How the console writes a limit of dimension `key`: "10,000", "12.5 /s", "20 GiB";
// 0 reads "Unlimited".
QString formatLimit(const QString &key, double value);
// A use against its limit: "1,234 of 10,000 (12.3%)", "2.1 GiB of 20.0 GiB (10.5%)"; the
// use alone where nothing limits it.
QString formatUsage(const Quota::DimensionUsage &usage);
// A time until a window resets: "in 42 s", "in 3 h 12 min", "in 5 d 4 h".
QString formatResetIn(qint64 seconds);

} // namespace Tenantry::Widgets
