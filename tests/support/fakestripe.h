#pragma once

#include <QAbstractHttpServer>
#include <QHash>
#include <QMutex>
#include <QThread>

namespace Tenantry::Testing {

// A small Stripe on a free loopback port, on a thread of its own (the gateway under test
// blocks the test's thread): POST /v1/payment_intents charges a customer's card by the rule
// set for it, and Idempotency-Key works as Stripe documents it. The same key with the same
// parameters replays the first answer (with "Idempotent-Replayed: true"), even when that
// answer never reached the client. The same key with other parameters is a 400
// idempotency_error. A request without a key is refused, so a client that forgets one fails
// its tests. Thread-safe.
class FakeStripe final
{
public:
    enum class Card { Succeeds, Declines, RequiresAction, ServerError };

    FakeStripe();
    ~FakeStripe();

    quint16 port() const { return m_port; }
    QString baseUrl() const;
    QByteArray secretKey() const { return "sk_test_fake"; }

    void setCard(const QString &customer, Card card);
    // Answers the next `count` requests only after `delayMs` (the charge is made at once).
    void delayAnswers(int delayMs, int count = 1);

    int chargesOf(const QString &customer) const; // real charges, replays not counted
    int requests() const;
    struct Seen {
        QByteArray authorization;
        QByteArray idempotencyKey;
        QHash<QString, QString> form;
    };
    QList<Seen> seen() const;

private:
    class Server;
    struct Stored {
        QByteArray form;
        int status = 0;
        QByteArray body;
    };
    void answer(const QByteArray &key, const QByteArray &authorization, const QByteArray &body, int *status,
                QByteArray *response, bool *replayed);

    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread
    Server *m_server = nullptr;   // lives on m_thread
    quint16 m_port = 0;
    mutable QMutex m_mutex;
    QHash<QString, Card> m_cards;
    QHash<QByteArray, Stored> m_keys;
    QHash<QString, int> m_charges;
    QList<Seen> m_seen;
    int m_delayMs = 0;
    int m_delayed = 0;
    int m_nextId = 1;
};

} // namespace Tenantry::Testing
