#include "widgets/billing/planchangedialog.h"

#include "widgets/consoleactor.h"
#include "widgets/tenants/tenanttablemodel.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tenantry::Widgets {
namespace {

QString money(const Billing::Money &m)
{
    return u"%1 %2"_s.arg(m.decimal(), m.currency().code);
}

QString when(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(), QLocale::ShortFormat);
}

} // namespace

PlanChangeDialog::PlanChangeDialog(Billing::BillingService *billing, const Billing::SubscriptionRow &row,
                                   QWidget *parent)
    : QDialog(parent)
    , m_billing(billing)
    , m_row(row)
    , m_plan(new QComboBox(this))
    , m_cycle(new QComboBox(this))
    , m_direction(new QLabel(this))
    , m_lines(new QTableWidget(0, 2, this))
    , m_net(new QLabel(this))
    , m_timing(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Change the plan of %1").arg(row.tenantSlug));
    m_plan->setObjectName(u"planChoice"_s);
    m_cycle->setObjectName(u"cycleChoice"_s);

    const Billing::Subscription &s = row.subscription;
    auto offers = m_billing->planOffers();
    if (offers) {
        for (const Billing::PlanOffer &offer : offers.value()) {
            const QString label = TenantTableModel::planLabel(offer.name);
            m_plan->addItem(offer.name == s.plan ? tr("%1 (current)").arg(label) : label, offer.name);
        }
    }
    m_plan->setCurrentIndex(std::max(0, m_plan->findData(s.plan)));
    m_cycle->addItem(tr("Monthly"), u"monthly"_s);
    m_cycle->addItem(tr("Yearly"), u"yearly"_s);
    m_cycle->setCurrentIndex(std::max(0, m_cycle->findData(s.cycle)));

    auto *current = new QLabel(tr("Now on %1, billed %2; this period runs from %3 to %4.")
                                   .arg(TenantTableModel::planLabel(s.plan),
                                        s.cycle == "yearly"_L1 ? tr("yearly") : tr("monthly"), when(s.periodStartMs),
                                        when(s.periodEndMs)),
                               this);
    current->setWordWrap(true);

    m_lines->setObjectName(u"prorationLines"_s);
    m_lines->setHorizontalHeaderLabels({tr("Line"), tr("Amount")});
    m_lines->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_lines->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_lines->verticalHeader()->hide();
    m_lines->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lines->setSelectionMode(QAbstractItemView::NoSelection);
    m_lines->setMinimumHeight(fontMetrics().height() * 6);
    QFont bold = m_net->font();
    bold.setBold(true);
    m_net->setFont(bold);
    m_problem->setObjectName(u"planChangeProblem"_s);
    m_problem->setWordWrap(true);
    QPalette warning = m_problem->palette();
    warning.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_problem->setPalette(warning);

    auto *form = new QFormLayout;
    form->addRow(tr("New &plan:"), m_plan);
    form->addRow(tr("&Billing cycle:"), m_cycle);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(current);
    layout->addLayout(form);
    layout->addWidget(m_direction);
    layout->addWidget(m_lines, 1);
    layout->addWidget(m_net);
    layout->addWidget(m_timing);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Change Plan"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PlanChangeDialog::book);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_plan, &QComboBox::currentIndexChanged, this, &PlanChangeDialog::refreshPreview);
    connect(m_cycle, &QComboBox::currentIndexChanged, this, &PlanChangeDialog::refreshPreview);
    resize(560, 420);

    if (!offers)
        showProblem(tr("The plans could not be read: %1").arg(offers.error().message));
    else
        refreshPreview();
}

QString PlanChangeDialog::problem() const
{
    return m_problem->text();
}

void PlanChangeDialog::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

void PlanChangeDialog::refreshPreview()
{
    m_quote.reset();
    m_lines->setRowCount(0);
    m_net->clear();
    m_timing->clear();
    m_direction->clear();
    showProblem({});
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    const QString plan = m_plan->currentData().toString();
    const QString cycle = m_cycle->currentData().toString();
    if (plan == m_row.subscription.plan && cycle == m_row.subscription.cycle) {
        showProblem(tr("Choose another plan or billing cycle."));
        return;
    }
    Billing::PlanChangeRequest request;
    request.plan = plan;
    request.cycle = cycle;
    auto quote = m_billing->previewPlanChange(m_row.tenantSlug, request);
    if (!quote) {
        showProblem(quote.error().message);
        return;
    }
    m_quote = quote.value();
    m_direction->setText(m_quote->direction == "downgrade"_L1 ? tr("A downgrade.") : tr("An upgrade."));
    for (const Billing::InvoiceLine &line : std::as_const(m_quote->lines)) {
        const int row = m_lines->rowCount();
        m_lines->insertRow(row);
        m_lines->setItem(row, 0, new QTableWidgetItem(line.description));
        auto *amount = new QTableWidgetItem(money(line.amount));
        amount->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_lines->setItem(row, 1, amount);
    }
    m_net->setText(tr("Net on the next invoice: %1").arg(money(m_quote->net)));
    m_timing->setText(m_quote->timing == Billing::ChangeTiming::Immediate
                          ? tr("Takes effect at once (prorated to %1).").arg(when(m_quote->atMs))
                          : tr("Takes effect when this period ends, on %1; nothing is prorated.")
                                .arg(when(m_quote->effectiveMs)));
    ok->setEnabled(true);
}

bool PlanChangeDialog::book()
{
    if (!m_quote)
        return false;
    Billing::PlanChangeRequest request;
    request.plan = m_plan->currentData().toString();
    request.cycle = m_cycle->currentData().toString();
    request.atMs = m_quote->atMs;
    auto booked = m_billing->changePlan(consoleActor(), m_row.tenantSlug, request);
    if (!booked) {
        const Error error = booked.error();
        refreshPreview();
        showProblem(error.code == "preview-stale"_L1
                        ? tr("The subscription changed or the preview got old; check the amounts again and confirm.")
                        : tr("The plan was not changed: %1").arg(error.message));
        return false;
    }
    m_booked = booked.value();
    accept();
    return true;
}

} // namespace Tenantry::Widgets
