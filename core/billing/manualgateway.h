#pragma once

#include "core/billing/paymentgateway.h"

#include <QHash>
#include <QMutex>

namespace Tenantry::Billing {

// Payments an operator records by hand (bank transfers, cheques). Without a manual reference
// there is nothing to charge: collect() answers Pending, so automatic collection and dunning
// retries are harmless and the invoice waits for the operator (or falls due). With one, the
// payment succeeds as "manual:<reference>". Keys are remembered like a real gateway's: the
// same key again gives the same outcome; with another invoice or amount it is refused.
class ManualGateway final : public PaymentGateway
{
public:
    QString name() const override { return QStringLiteral("manual"); }
    Result<PaymentOutcome> collect(const PaymentRequest &request) override;

private:
    struct Seen {
        QString invoiceId;
        qint64 amountMinor = 0;
        PaymentOutcome outcome;
    };
    QMutex m_mutex;
    QHash<QString, Seen> m_keys;
};

} // namespace Tenantry::Billing
