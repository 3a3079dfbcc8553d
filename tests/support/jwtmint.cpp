#include "tests/support/jwtmint.h"

#include <QJsonDocument>
#include <QtGlobal>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace Tenantry::Testing {
namespace {

using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;
using PKey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

void require(bool ok, const char *what)
{
    if (!ok)
        qFatal("jwtmint: %s failed", what);
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray readBio(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, size);
}

QByteArray publicPemOf(EVP_PKEY *key)
{
    Bio bio(BIO_new(BIO_s_mem()), BIO_free);
    require(bio && PEM_write_bio_PUBKEY(bio.get(), key) == 1, "PEM_write_bio_PUBKEY");
    return readBio(bio.get());
}

QByteArray signingInput(const QByteArray &headerJson, const QByteArray &payloadJson)
{
    return base64Url(headerJson) + '.' + base64Url(payloadJson);
}

} // namespace

RsaKeyPair generateRsaKeyPair(int bits)
{
    PKey key(EVP_RSA_gen(unsigned(bits)), EVP_PKEY_free);
    require(key != nullptr, "EVP_RSA_gen");
    Bio bio(BIO_new(BIO_s_mem()), BIO_free);
    require(
        bio
            && PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)
                == 1,
        "PEM_write_bio_PrivateKey");
    return {readBio(bio.get()), publicPemOf(key.get())};
}

QByteArray generateEcPublicPem()
{
    PKey key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"), EVP_PKEY_free);
    require(key != nullptr, "EVP_PKEY_Q_keygen");
    return publicPemOf(key.get());
}

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray assemble(const QByteArray &headerJson, const QByteArray &payloadJson,
                    const QByteArray &signature)
{
    return signingInput(headerJson, payloadJson) + '.' + base64Url(signature);
}

QByteArray mintHs256Raw(const QByteArray &secret, const QByteArray &headerJson,
                        const QByteArray &payloadJson)
{
    const QByteArray input = signingInput(headerJson, payloadJson);
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int macLength = 0;
    require(HMAC(EVP_sha256(), secret.constData(), int(secret.size()),
                 reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size()),
                 mac, &macLength),
            "HMAC");
    return input + '.' + base64Url(QByteArray(reinterpret_cast<const char *>(mac), macLength));
}

QByteArray mintHs256(const QByteArray &secret, QJsonObject header, const QJsonObject &payload)
{
    if (!header.contains("alg"_L1))
        header.insert("alg"_L1, "HS256"_L1);
    return mintHs256Raw(secret, compact(header), compact(payload));
}

QByteArray mintRs256(const QByteArray &privatePem, QJsonObject header, const QJsonObject &payload)
{
    if (!header.contains("alg"_L1))
        header.insert("alg"_L1, "RS256"_L1);
    const QByteArray input = signingInput(compact(header), compact(payload));

    Bio bio(BIO_new_mem_buf(privatePem.constData(), int(privatePem.size())), BIO_free);
    PKey key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr,
             EVP_PKEY_free);
    require(key != nullptr, "PEM_read_bio_PrivateKey");
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    size_t size = 0;
    const auto *data = reinterpret_cast<const unsigned char *>(input.constData());
    require(ctx && EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) == 1
                && EVP_DigestSign(ctx.get(), nullptr, &size, data, size_t(input.size())) == 1,
            "EVP_DigestSignInit");
    QByteArray signature(qsizetype(size), Qt::Uninitialized);
    require(EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &size,
                           data, size_t(input.size()))
                == 1,
            "EVP_DigestSign");
    signature.truncate(qsizetype(size));
    return input + '.' + base64Url(signature);
}

} // namespace Tenantry::Testing
