#include "widgets/audit/auditfilterbar.h"

#include "widgets/audit/audittablemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QUuid>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tenantry::Widgets {

AuditFilterBar::AuditFilterBar(const AuditTableModel *names, QWidget *parent) : QWidget(parent), m_names(names)
{
    setObjectName(u"auditFilters"_s);
    // The custom range gets a line of its own, so the row fits a 1280-pixel window.
    auto *lines = new QVBoxLayout(this);
    lines->setContentsMargins(0, 0, 0, 0);
    auto *layout = new QHBoxLayout;
    lines->addLayout(layout);
    const int ch = fontMetrics().averageCharWidth();

    const auto addLabeled = [&](const QString &text, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        layout->addWidget(label);
        layout->addWidget(field);
        layout->addSpacing(6);
    };

    m_tenant = new QComboBox(this);
    m_tenant->setObjectName(u"tenantFilter"_s);
    m_tenant->setEditable(true);
    m_tenant->setInsertPolicy(QComboBox::NoInsert);
    m_tenant->addItem(tr("All tenants"), QString());
    m_tenant->setMinimumWidth(ch * 18);
    m_tenant->setToolTip(tr("Only entries about this tenant: pick a slug, or type a slug or a tenant ID"));
    m_tenant->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_tenant->completer()->setFilterMode(Qt::MatchContains);
    m_tenant->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    addLabeled(tr("Te&nant:"), m_tenant);

    m_actor = new QLineEdit(this);
    m_actor->setObjectName(u"actorFilter"_s);
    m_actor->setPlaceholderText(tr("Any actor"));
    m_actor->setClearButtonEnabled(true);
    m_actor->setMinimumWidth(ch * 18);
    m_actor->setToolTip(tr("Only entries by this actor, exactly as recorded, e.g. admin, system, "
                           "console:alice, api-key:<id>"));
    addLabeled(tr("A&ctor:"), m_actor);

    m_action = new QComboBox(this);
    m_action->setObjectName(u"actionFilter"_s);
    m_action->setEditable(true);
    m_action->setInsertPolicy(QComboBox::NoInsert);
    m_action->addItems({QString(), u"tenant.*"_s, u"tenant.create"_s, u"tenant.configure"_s, u"tenant.suspend"_s,
                        u"tenant.activate"_s, u"tenant.delete"_s, u"api_key.*"_s, u"auth.failure"_s,
                        u"anomaly.*"_s});
    m_action->lineEdit()->setPlaceholderText(tr("Any action"));
    m_action->setMinimumWidth(ch * 18);
    m_action->setToolTip(tr("An action such as tenant.suspend, or every action starting with a prefix "
                            "such as tenant.*"));
    addLabeled(tr("Act&ion:"), m_action);

    m_range = new QComboBox(this);
    m_range->setObjectName(u"timeRangeFilter"_s);
    m_range->addItem(tr("Any time"), int(TimeRange::Any));
    m_range->addItem(tr("Last hour"), int(TimeRange::LastHour));
    m_range->addItem(tr("Last 24 hours"), int(TimeRange::LastDay));
    m_range->addItem(tr("Last 7 days"), int(TimeRange::LastWeek));
    m_range->addItem(tr("Custom range"), int(TimeRange::Custom));
    addLabeled(tr("Ti&me:"), m_range);

    // The custom range: each end optional.
    m_customRange = new QWidget(this);
    auto *custom = new QHBoxLayout(m_customRange);
    custom->setContentsMargins(0, 0, 0, 0);
    const QDateTime now = QDateTime::currentDateTime();
    const auto dateTimeEdit = [&](const QString &name, const QDateTime &initial) {
        auto *edit = new QDateTimeEdit(initial, m_customRange);
        edit->setObjectName(name);
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
        // Room for the text next to the calendar button, which the style's size hint skimps.
        edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(u"2026-12-28 23:59"_s) + ch * 8);
        return edit;
    };
    m_fromEnabled = new QCheckBox(tr("From"), m_customRange);
    m_fromEnabled->setObjectName(u"fromEnabled"_s);
    m_fromEnabled->setChecked(true);
    m_from = dateTimeEdit(u"fromEdit"_s, now.addDays(-1));
    m_toEnabled = new QCheckBox(tr("to"), m_customRange);
    m_toEnabled->setObjectName(u"toEnabled"_s);
    m_to = dateTimeEdit(u"toEdit"_s, now);
    custom->addWidget(m_fromEnabled);
    custom->addWidget(m_from);
    custom->addWidget(m_toEnabled);
    custom->addWidget(m_to);
    custom->addStretch();
    lines->addWidget(m_customRange);
    connect(m_fromEnabled, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_toEnabled, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    m_to->setEnabled(false);
    connect(m_range, &QComboBox::currentIndexChanged, this, &AuditFilterBar::updateRangeEditors);
    updateRangeEditors();

    layout->addStretch();
    auto *apply = new QPushButton(tr("&Apply"), this);
    apply->setObjectName(u"applyFiltersButton"_s);
    apply->setDefault(true);
    auto *reset = new QPushButton(tr("&Reset"), this);
    reset->setObjectName(u"resetFiltersButton"_s);
    reset->setAutoDefault(false);
    layout->addWidget(apply);
    layout->addWidget(reset);
    connect(apply, &QPushButton::clicked, this, &AuditFilterBar::applyRequested);
    connect(reset, &QPushButton::clicked, this, &AuditFilterBar::resetRequested);
    for (QLineEdit *edit : {m_tenant->lineEdit(), m_actor, m_action->lineEdit()})
        connect(edit, &QLineEdit::returnPressed, this, &AuditFilterBar::applyRequested);
}

Result<Observe::AuditQuery> AuditFilterBar::query() const
{
    Observe::AuditQuery query;
    query.newestFirst = true;

    const QString tenant = m_tenant->currentText().trimmed();
    if (!tenant.isEmpty() && tenant != m_tenant->itemText(0)) {
        if (const auto id = m_names->idOfSlug(tenant)) {
            query.tenantId = *id;
        } else if (!QUuid::fromString(tenant).isNull()) {
            // An id: also finds entries about purged tenants, which have no slug any more.
            query.tenantId = QUuid::fromString(tenant).toString(QUuid::WithoutBraces);
        } else {
            return Error::invalid(u"unknown-tenant"_s,
                                  tr("There is no tenant '%1'. Pick one from the list, or enter a tenant ID.")
                                      .arg(tenant));
        }
    }
    query.actor = m_actor->text().trimmed();
    query.action = m_action->currentText().trimmed();

    const QDateTime now = m_clock->now();
    switch (TimeRange(m_range->currentData().toInt())) {
    case TimeRange::Any: break;
    case TimeRange::LastHour: query.from = now.addSecs(-3600); break;
    case TimeRange::LastDay: query.from = now.addDays(-1); break;
    case TimeRange::LastWeek: query.from = now.addDays(-7); break;
    case TimeRange::Custom:
        if (m_fromEnabled->isChecked())
            query.from = m_from->dateTime().toUTC();
        if (m_toEnabled->isChecked())
            query.to = m_to->dateTime().toUTC();
        break;
    }
    return query;
}

void AuditFilterBar::setTenant(const QString &slugOrId)
{
    if (slugOrId.isEmpty())
        m_tenant->setCurrentIndex(0);
    else
        m_tenant->setEditText(slugOrId);
}

void AuditFilterBar::setActor(const QString &actor)
{
    m_actor->setText(actor);
}

void AuditFilterBar::setAction(const QString &action)
{
    m_action->setEditText(action);
}

void AuditFilterBar::setTimeRange(TimeRange range)
{
    m_range->setCurrentIndex(m_range->findData(int(range)));
}

void AuditFilterBar::setCustomRange(const QDateTime &from, const QDateTime &to)
{
    setTimeRange(TimeRange::Custom);
    m_fromEnabled->setChecked(from.isValid());
    if (from.isValid())
        m_from->setDateTime(from.toLocalTime());
    m_toEnabled->setChecked(to.isValid());
    if (to.isValid())
        m_to->setDateTime(to.toLocalTime());
}

void AuditFilterBar::setClock(const Clock *clock)
{
    m_clock = clock ? clock : &m_systemClock;
}

void AuditFilterBar::clear()
{
    m_tenant->setCurrentIndex(0);
    m_actor->clear();
    m_action->setCurrentIndex(0);
    m_action->setEditText(QString());
    setTimeRange(TimeRange::Any);
}

void AuditFilterBar::refreshTenantChoices()
{
    const QString typed = m_tenant->currentText();
    const bool all = m_tenant->currentIndex() == 0 && typed == m_tenant->itemText(0);
    const QSignalBlocker blocker(m_tenant);
    while (m_tenant->count() > 1)
        m_tenant->removeItem(1);
    for (const QString &slug : m_names->tenantSlugs())
        m_tenant->addItem(slug, m_names->idOfSlug(slug).value_or(QString()));
    if (all)
        m_tenant->setCurrentIndex(0);
    else
        m_tenant->setEditText(typed);
}

void AuditFilterBar::updateRangeEditors()
{
    m_customRange->setVisible(TimeRange(m_range->currentData().toInt()) == TimeRange::Custom);
}

} // namespace Tenantry::Widgets
