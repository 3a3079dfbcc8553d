#include "widgets/monitoring/tenantpicker.h"

#include <QCompleter>
#include <QEvent>
#include <QLineEdit>
#include <QStandardItemModel>

#include <algorithm>

namespace Tenantry::Widgets {

TenantPicker::TenantPicker(QWidget *parent)
    : QComboBox(parent)
    , m_model(new QStandardItemModel(this))
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setModel(m_model);
    setMaxVisibleItems(20);
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(22);
    lineEdit()->setPlaceholderText(tr("Tenant slug"));
    lineEdit()->installEventFilter(this);
    completer()->setFilterMode(Qt::MatchContains);
    completer()->setCaseSensitivity(Qt::CaseInsensitive);
    completer()->setCompletionMode(QCompleter::PopupCompletion);
    refresh();

    connect(this, &QComboBox::activated, this, [this](int index) {
        m_current = itemData(index).toString();
        Q_EMIT tenantPicked(m_current);
    });
}

void TenantPicker::setSource(Source source)
{
    m_source = std::move(source);
    refresh();
}

void TenantPicker::refresh()
{
    QList<Entry> entries = m_source ? m_source() : QList<Entry>{};
    for (Entry &e : entries) {
        if (e.label.isEmpty())
            e.label = e.tenantId;
    }
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.label < b.label; });

    const QString keepText = m_current.isEmpty() ? QString() : currentText();
    QList<QStandardItem *> items;
    items.reserve(entries.size() + 1);
    auto *none = new QStandardItem(tr("(no tenant)"));
    none->setData(QString(), Qt::UserRole);
    items.append(none);
    for (const Entry &e : std::as_const(entries)) {
        auto *item = new QStandardItem(e.label);
        item->setData(e.tenantId, Qt::UserRole);
        items.append(item);
    }
    {
        const QSignalBlocker quiet(this);
        m_model->removeRows(0, m_model->rowCount());
        m_model->invisibleRootItem()->appendRows(items);
    }
    setCurrentTenant(m_current, keepText);
}

void TenantPicker::setCurrentTenant(const QString &tenantId, const QString &label)
{
    m_current = tenantId;
    const QSignalBlocker quiet(this);
    const int index = findData(tenantId, Qt::UserRole);
    if (tenantId.isEmpty()) {
        setCurrentIndex(-1);
        setEditText(QString()); // the placeholder says what to type
    } else if (index >= 0) {
        setCurrentIndex(index);
    } else {
        setCurrentIndex(-1);
        setEditText(label.isEmpty() ? tenantId : label); // not in the (older) list yet
    }
}

void TenantPicker::showPopup()
{
    refresh();
    QComboBox::showPopup();
}

bool TenantPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == lineEdit() && event->type() == QEvent::FocusIn)
        refresh();
    return QComboBox::eventFilter(watched, event);
}

} // namespace Tenantry::Widgets
