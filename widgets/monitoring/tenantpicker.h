#pragma once

#include <QComboBox>
#include <QList>
#include <QString>

#include <functional>

class QStandardItemModel;

namespace Tenantry::Widgets {

// An editable combo box for choosing one tenant by slug, with completion on any part of the
// slug. The list comes from a source function asked only when the operator is about to use
// it (the popup opens or the field takes focus), so tenants that appear later are offered
// without the page rebuilding a list of thousands every second. The first entry picks no
// tenant. GUI thread only.
class TenantPicker final : public QComboBox
{
    Q_OBJECT

public:
    struct Entry {
        QString tenantId;
        QString label; // the slug; the id is shown when empty
    };
    using Source = std::function<QList<Entry>()>;

    explicit TenantPicker(QWidget *parent = nullptr);

    void setSource(Source source);
    // Asks the source again, keeping the current tenant.
    void refresh();
    // Shows `tenantId` (empty: none) as the current choice; does not emit tenantPicked.
    void setCurrentTenant(const QString &tenantId, const QString &label);
    QString currentTenant() const { return m_current; }

    void showPopup() override;

Q_SIGNALS:
    // The operator chose `tenantId` (empty: no tenant).
    void tenantPicked(const QString &tenantId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    Source m_source;
    QStandardItemModel *m_model = nullptr;
    QString m_current;
};

} // namespace Tenantry::Widgets
