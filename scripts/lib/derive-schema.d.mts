export declare function deriveSchema(text: string, provider: 'sqlite' | 'postgresql'): string;
