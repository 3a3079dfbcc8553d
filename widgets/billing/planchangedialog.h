#pragma once

#include "core/billing/billingservice.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QTableWidget;

namespace Tenantry::Widgets {

// Moves one tenant's subscription to another plan or cycle. The operator picks both and
// sees at once what the change books: the credit for the unused part of the current plan,
// the charge for the new one, the net amount the next invoice adds, and when it takes effect
// (at once, or at the period's end by the billing settings' policy). Change Plan books
// exactly the amounts shown (the preview's instant goes with the request); if the
// subscription moved meanwhile, the preview is refreshed and the operator confirms again.
// Nothing is booked until then. GUI thread only; `billing` must outlive the dialog.
class PlanChangeDialog final : public QDialog
{
    Q_OBJECT

public:
    PlanChangeDialog(Billing::BillingService *billing, const Billing::SubscriptionRow &row, QWidget *parent = nullptr);

    QComboBox *planBox() const { return m_plan; }
    QComboBox *cycleBox() const { return m_cycle; }
    // The preview shown; nullopt while the choice cannot be previewed (see problem()).
    const std::optional<Billing::PlanChangeQuote> &quote() const { return m_quote; }
    QString problem() const;
    // What Change Plan does: books the shown preview; false (with the reason shown) when it
    // was refused. On success the dialog is accepted and booked() holds the result.
    bool book();
    const std::optional<Billing::PlanChangeQuote> &booked() const { return m_booked; }

private:
    void refreshPreview();
    void showProblem(const QString &text);

    Billing::BillingService *m_billing;
    Billing::SubscriptionRow m_row;
    QComboBox *m_plan;
    QComboBox *m_cycle;
    QLabel *m_direction;
    QTableWidget *m_lines;
    QLabel *m_net;
    QLabel *m_timing;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    std::optional<Billing::PlanChangeQuote> m_quote;
    std::optional<Billing::PlanChangeQuote> m_booked;
};

} // namespace Tenantry::Widgets
