#pragma once

#include <QByteArrayView>

namespace Tenantry::Security {

// Compares a presented secret with the expected one in time independent of where they
// differ and of their lengths (both are hashed first), so tokens cannot be guessed
// byte by byte through response timing. An empty `expected` never matches.
bool secretsEqual(QByteArrayView presented, QByteArrayView expected);

} // namespace Tenantry::Security
