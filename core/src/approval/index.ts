export * from './category-recipe-hash';
export * from './recipe-approval';
export * from './check-approvals';
export * from './select-pilot';
export * from './adjust-recipe';
export * from './pin-trained-lora';
