/** A postal address; every part optional as a whole but validated per field when given. */
export interface Address {
  readonly country: string;
  readonly postalCode: string;
  readonly line1: string;
  readonly line2?: string | null;
}
