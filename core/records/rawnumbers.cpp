#include "core/records/rawnumbers.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Tenantry::Records {
namespace {

class Scanner
{
public:
    explicit Scanner(const QByteArray &text) : m_text(text) {}

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text.at(m_pos); }
    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_pos;
    }
    bool take(char c)
    {
        skipSpace();
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }
    // A string literal including its quotes; empty when there is none here.
    QByteArray stringLiteral()
    {
        skipSpace();
        if (peek() != '"')
            return {};
        const qsizetype start = m_pos++;
        while (!atEnd() && peek() != '"')
            m_pos += peek() == '\\' ? 2 : 1;
        ++m_pos;
        return m_text.mid(start, m_pos - start);
    }
    // Skips one value; answers its text when it is a number.
    QByteArray value()
    {
        skipSpace();
        const char c = peek();
        if (c == '"') {
            stringLiteral();
            return {};
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            while (!atEnd()) {
                const char d = peek();
                if (d == '"') {
                    stringLiteral();
                    continue;
                }
                ++m_pos;
                if (d == '{' || d == '[')
                    ++depth;
                else if ((d == '}' || d == ']') && --depth == 0)
                    break;
            }
            return {};
        }
        const qsizetype start = m_pos;
        while (!atEnd() && peek() != ',' && peek() != '}' && peek() != ' ' && peek() != '\n' && peek() != '\r'
               && peek() != '\t')
            ++m_pos;
        const QByteArray token = m_text.mid(start, m_pos - start);
        return (c == '-' || (c >= '0' && c <= '9')) ? token : QByteArray();
    }

private:
    const QByteArray &m_text;
    qsizetype m_pos = 0;
};

QString decodeKey(const QByteArray &literal)
{
    // The JSON parser decodes escapes in keys ("\u0061" is "a") exactly as the body's parse did.
    const QJsonDocument doc = QJsonDocument::fromJson('[' + literal + ']');
    return doc.array().at(0).toString();
}

} // namespace

QHash<QString, QByteArray> topLevelNumberTexts(const QByteArray &json)
{
    QHash<QString, QByteArray> out;
    Scanner s(json);
    if (!s.take('{'))
        return out;
    while (!s.atEnd()) {
        const QByteArray key = s.stringLiteral();
        if (key.isEmpty() || !s.take(':'))
            return out;
        const QByteArray number = s.value();
        if (!number.isEmpty())
            out.insert(decodeKey(key), number);
        if (!s.take(','))
            return out;
    }
    return out;
}

} // namespace Tenantry::Records
