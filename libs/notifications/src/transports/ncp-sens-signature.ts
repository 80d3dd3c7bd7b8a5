import { createHmac } from 'node:crypto';

/**
 * NAVER Cloud API Gateway signature v2: base64 HMAC-SHA256, keyed with the secret key, of
 * `"{method} {uri}\n{timestamp}\n{accessKey}"` (uri = path and query, timestamp in epoch ms).
 */
export function ncpSignatureV2(method: string, uri: string, timestamp: string, accessKey: string, secretKey: string): string {
  return createHmac('sha256', secretKey).update(`${method} ${uri}\n${timestamp}\n${accessKey}`, 'utf8').digest('base64');
}
