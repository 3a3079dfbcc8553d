#pragma once

#include <QObject>

class QSocketNotifier;

namespace Tenantry::App {

// Turns SIGTERM and SIGINT into a Qt signal delivered on the event loop. A POSIX signal
// handler may only do async-signal-safe work, so it writes a byte to a socket pair that a
// QSocketNotifier watches (the self-pipe pattern). One instance per process.
class ShutdownSignals final : public QObject
{
    Q_OBJECT

public:
    explicit ShutdownSignals(QObject *parent = nullptr);
    ~ShutdownSignals() override;

Q_SIGNALS:
    void shutdownRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Tenantry::App
